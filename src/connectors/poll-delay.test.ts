import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextPollDelay } from './poll-delay.ts';

const minute = 60_000;
const hour = 60 * minute;

describe('nextPollDelay', () => {
  it('is the base interval while the source is healthy', () => {
    assert.equal(nextPollDelay(10 * minute, 0, undefined, () => 0.99), 10 * minute);
  });

  it('doubles per failure, with jitter between half and all of the backoff', () => {
    assert.equal(nextPollDelay(minute, 1, undefined, () => 0), minute);
    assert.equal(nextPollDelay(minute, 1, undefined, () => 0.5), 1.5 * minute);
    assert.equal(nextPollDelay(minute, 3, undefined, () => 0), 4 * minute);
    assert.equal(nextPollDelay(minute, 3, undefined, () => 1), 8 * minute);
  });

  it('never backs off below the base interval or above the cap', () => {
    for (let failures = 0; failures < 2000; failures += 7) {
      for (const random of [0, 0.3, 0.999]) {
        const delay = nextPollDelay(minute, failures, undefined, () => random);
        assert.ok(delay >= minute && delay <= 6 * hour, `${failures} failures: ${delay}`);
      }
    }
    assert.equal(nextPollDelay(minute, 50, undefined, () => 1, 30 * minute), 30 * minute);
    assert.equal(nextPollDelay(2 * hour, 5, undefined, () => 1, hour), 2 * hour, 'a cap below the base interval does not shorten it');
  });

  it("waits at least as long as the server's Retry-After, up to a day", () => {
    assert.equal(nextPollDelay(minute, 1, 10 * minute, () => 0), 10 * minute);
    assert.equal(nextPollDelay(minute, 5, 10 * minute, () => 1), 32 * minute);
    assert.equal(nextPollDelay(minute, 0, 30 * hour, () => 0), 24 * hour);
    assert.equal(nextPollDelay(minute, 0, -5, () => 0), minute);
    assert.equal(nextPollDelay(minute, 0, Number.NaN, () => 0), minute);
  });
});
