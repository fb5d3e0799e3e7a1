import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { insightsRangeOf, previousRangeOf, spansOf } from './insights-range.ts';
import { bucketStartsOf, requireIntervalFits } from './time-buckets.ts';

const day = (at: Date) => at.toISOString().slice(0, 10);
const failsWith = (field: string, run: () => unknown) => assert.throws(run, (error: AppError) => error.code === 'VALIDATION_FAILED' && error.message.startsWith(field));

describe('insights ranges', () => {
  it('covers the 30 days up to today by default, and whole UTC days both included', () => {
    const range = insightsRangeOf({}, new Date('2026-03-10T15:00:00Z'));
    assert.deepEqual([range.from, range.to, range.start.toISOString(), range.end.toISOString()], ['2026-02-09', '2026-03-10', '2026-02-09T00:00:00.000Z', '2026-03-11T00:00:00.000Z']);
  });

  it('refuses days that are not days, reversed ranges and ranges longer than 366 days', () => {
    failsWith('query.from', () => insightsRangeOf({ from: '2026-02-30', to: '2026-03-01' }));
    failsWith('query.to', () => insightsRangeOf({ to: 'yesterday' }));
    failsWith('query.from', () => insightsRangeOf({ from: '2026-03-02', to: '2026-03-01' }));
    failsWith('query.from', () => insightsRangeOf({ from: '2025-01-01', to: '2026-01-02' }));
    assert.equal(insightsRangeOf({ from: '2025-01-01', to: '2026-01-01' }).from, '2025-01-01');
  });

  it('compares with the same number of days just before', () => {
    const previous = previousRangeOf(insightsRangeOf({ from: '2026-03-01', to: '2026-03-07' }));
    assert.deepEqual([previous.from, previous.to], ['2026-02-22', '2026-02-28']);
  });

  it('reads whole months from month rows and the edges from day rows', () => {
    const spans = (from: string, to: string) => spansOf(insightsRangeOf({ from, to })).map((span) => [span.period, day(span.from), day(new Date(span.to.getTime() - 1))]);
    assert.deepEqual(spans('2026-01-15', '2026-04-10'), [['day', '2026-01-15', '2026-01-31'], ['month', '2026-02-01', '2026-03-31'], ['day', '2026-04-01', '2026-04-10']]);
    assert.deepEqual(spans('2026-02-01', '2026-02-28'), [['month', '2026-02-01', '2026-02-28']]);
    assert.deepEqual(spans('2026-02-03', '2026-02-20'), [['day', '2026-02-03', '2026-02-20']]);
    assert.deepEqual(spans('2026-01-20', '2026-02-10'), [['day', '2026-01-20', '2026-02-10']]);
  });

  it('makes every bucket of a chart, weeks from Monday and months from the first', () => {
    const range = insightsRangeOf({ from: '2026-03-04', to: '2026-03-17' });
    assert.equal(bucketStartsOf(range, 'day').length, 14);
    assert.equal(bucketStartsOf(range, 'hour').length, 14 * 24);
    assert.deepEqual(bucketStartsOf(range, 'week').map(day), ['2026-03-02', '2026-03-09', '2026-03-16']);
    assert.deepEqual(bucketStartsOf(insightsRangeOf({ from: '2026-01-31', to: '2026-03-01' }), 'month').map(day), ['2026-01-01', '2026-02-01', '2026-03-01']);
    failsWith('query.interval', () => requireIntervalFits(insightsRangeOf({ from: '2026-01-01', to: '2026-02-01' }), 'hour'));
    requireIntervalFits(insightsRangeOf({ from: '2026-01-01', to: '2026-01-31' }), 'hour');
  });
});
