import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../errors.ts';
import { periodOf, viewPeriod } from './periods.ts';

describe('recognition periods', () => {
  const sunday = new Date('2025-06-15T23:30:00Z');

  it('starts this week on Monday and this month on the first, in UTC, up to now', () => {
    assert.deepEqual(viewPeriod(periodOf({ period: 'week' }, 'all', sunday)), { name: 'week', from: '2025-06-09T00:00:00.000Z', to: null });
    assert.deepEqual(viewPeriod(periodOf({ period: 'week' }, 'all', new Date('2025-06-09T00:00:00Z'))).from, '2025-06-09T00:00:00.000Z', 'Monday is the first day');
    assert.deepEqual(viewPeriod(periodOf({}, 'month', sunday)), { name: 'month', from: '2025-06-01T00:00:00.000Z', to: null });
    assert.deepEqual(viewPeriod(periodOf({ period: 'all' }, 'month', sunday)), { name: 'all', from: null, to: null });
  });

  it('takes from and to as whole days, both included, over the named period', () => {
    assert.deepEqual(viewPeriod(periodOf({ period: 'week', from: '2025-01-01', to: '2025-01-31' }, 'month', sunday)),
      { name: 'custom', from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' });
    assert.deepEqual(viewPeriod(periodOf({ to: '2025-01-01' }, 'month', sunday)), { name: 'custom', from: null, to: '2025-01-02T00:00:00.000Z' });
    assert.deepEqual(viewPeriod(periodOf({ from: '2025-01-01', to: '2025-01-01' }, 'month', sunday)).to, '2025-01-02T00:00:00.000Z', 'one day');
  });

  it('refuses a period that ends before it starts, or a day that does not exist', () => {
    assert.throws(() => periodOf({ from: '2025-02-01', to: '2025-01-31' }, 'month', sunday), (error: AppError) => error.code === 'VALIDATION_FAILED');
    assert.throws(() => periodOf({ from: '2025-13-01' }, 'month', sunday), (error: AppError) => error.code === 'VALIDATION_FAILED');
  });
});
