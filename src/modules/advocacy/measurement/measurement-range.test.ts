import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../errors.ts';
import { measurementRangeOf } from './measurement-range.ts';

describe('measurement range', () => {
  it('covers the last 30 UTC days up to today by default', () => {
    const range = measurementRangeOf({}, new Date('2025-06-11T23:30:00+02:00'));
    assert.deepEqual([range.from, range.to], ['2025-05-13', '2025-06-11']);
    assert.equal(range.start.toISOString(), '2025-05-13T00:00:00.000Z');
    assert.equal(range.end.toISOString(), '2025-06-12T00:00:00.000Z');
  });

  it('includes both days given, and refuses impossible or reversed days', () => {
    const one = measurementRangeOf({ from: '2025-02-28', to: '2025-02-28' });
    assert.equal(one.end.getTime() - one.start.getTime(), 24 * 60 * 60 * 1000);
    assert.throws(() => measurementRangeOf({ from: '2025-02-30', to: '2025-03-01' }), (error: AppError) => error.code === 'VALIDATION_FAILED' && /query\.from/.test(error.message));
    assert.throws(() => measurementRangeOf({ from: '2025-03-02', to: '2025-03-01' }), /on or before/);
    assert.throws(() => measurementRangeOf({ from: '1990-01-01', to: '2025-03-01' }), /at most/);
  });
});
