import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hourOfWeekOf, SeasonalBaseline } from './seasonal-baseline.ts';
import { syntheticRatePerMinute, type SyntheticStreamOptions } from './synthetic-mention-stream.ts';

const HOUR = 3_600_000;
const MONDAY = Date.UTC(2026, 0, 5);

/** The stream's true mentions in the hour (no noise), as learnHour would count them. */
const trueHour = (options: SyntheticStreamOptions, hourStart: number) => {
  let sum = 0;
  for (let minute = 0; minute < 60; minute++) sum += syntheticRatePerMinute(options, hourStart + minute * 60_000 + 30_000);
  return sum;
};

function learn(baseline: SeasonalBaseline, options: SyntheticStreamOptions, fromHour: number, toHour: number, countOf = (hourStart: number) => trueHour(options, hourStart)): void {
  for (let hour = fromHour; hour < toHour; hour++) baseline.learnHour(MONDAY + hour * HOUR, countOf(MONDAY + hour * HOUR), 1);
}

/** The worst relative error of the forecast of each hour of the next week, made just before the hour, learning as it goes. */
const worstRelativeError = (baseline: SeasonalBaseline, options: SyntheticStreamOptions, fromHour: number) => {
  let worst = 0;
  for (let hour = fromHour; hour < fromHour + 168; hour++) {
    const hourStart = MONDAY + hour * HOUR;
    worst = Math.max(worst, Math.abs(baseline.expectedInHour(hourStart) / trueHour(options, hourStart) - 1));
    baseline.learnHour(hourStart, trueHour(options, hourStart), 1);
  }
  return worst;
};

describe('SeasonalBaseline', () => {
  const options: SyntheticStreamOptions = { seed: 1, start: MONDAY, days: 70, meanPerHour: 120 };

  it('numbers the hours of the week from Monday 00:00 UTC', () => {
    assert.equal(hourOfWeekOf(MONDAY), 0);
    assert.equal(hourOfWeekOf(MONDAY + 30 * HOUR + 5), 30);
    assert.equal(hourOfWeekOf(MONDAY + 7 * 24 * HOUR), 0);
  });

  it('learns the daily and weekly shape within a few percent from the first week', () => {
    const baseline = new SeasonalBaseline();
    learn(baseline, options, 0, 168);
    // The first week's factors are shrunk toward their hour of day where counts are small: weekend dawns are over-forecast at first.
    const secondWeek = worstRelativeError(baseline, options, 168);
    assert.ok(secondWeek < 0.1, `worst hour off by ${secondWeek}`);
    learn(baseline, options, 2 * 168, 4 * 168);
    const fifthWeek = worstRelativeError(baseline, options, 4 * 168);
    assert.ok(fifthWeek < 0.04, `worst hour off by ${fifthWeek}`);
    // Minute by minute too: the interpolation follows the morning ramp.
    const ramp = MONDAY + 5 * 168 * HOUR + 7.5 * HOUR;
    assert.ok(Math.abs(baseline.forecastMinute(ramp, 1).expected / syntheticRatePerMinute(options, ramp + 30_000) - 1) < 0.06);
  });

  it('a five-fold spike of three hours moves the next day\'s forecasts by under 5%', () => {
    const calm = new SeasonalBaseline();
    const spiked = new SeasonalBaseline();
    learn(calm, options, 0, 3 * 168 + 24);
    learn(spiked, options, 0, 3 * 168 + 24);
    const spike = (hourStart: number) => trueHour(options, hourStart) * (hourStart >= MONDAY + (3 * 168 + 24 + 12) * HOUR && hourStart < MONDAY + (3 * 168 + 24 + 15) * HOUR ? 5 : 1);
    learn(calm, options, 3 * 168 + 24, 3 * 168 + 48);
    learn(spiked, options, 3 * 168 + 24, 3 * 168 + 48, spike);
    for (let hour = 3 * 168 + 48; hour < 3 * 168 + 72; hour++) {
      const ratio = spiked.expectedInHour(MONDAY + hour * HOUR) / calm.expectedInHour(MONDAY + hour * HOUR);
      assert.ok(ratio < 1.05, `hour ${hour}: ${ratio}`);
    }
  });

  it('follows growth of 1% a day within a few percent', () => {
    const growing = { ...options, growthPerDay: 0.01 };
    const baseline = new SeasonalBaseline();
    learn(baseline, growing, 0, 5 * 168);
    const error = worstRelativeError(baseline, growing, 5 * 168);
    assert.ok(error < 0.05, `worst hour off by ${error}`);
  });

  it('gives an upper forecast whose margin narrows as the weeks add evidence', () => {
    const baseline = new SeasonalBaseline();
    const margin = () => {
      const { expected, upper } = baseline.forecastMinute(MONDAY + 12 * HOUR, 1);
      return upper / expected - 1;
    };
    learn(baseline, options, 0, 168);
    const secondWeek = margin();
    learn(baseline, options, 168, 8 * 168);
    const ninthWeek = margin();
    // At about 200 mentions that hour: two standard errors of one count (about 14%), then of about seven.
    assert.ok(secondWeek > 0.1 && secondWeek < 0.16, `second week ${secondWeek}`);
    assert.ok(ninthWeek > 0.03 && ninthWeek < secondWeek / 2, `ninth week ${ninthWeek}`);
  });

  it('forecasts each hour of day\'s mean during the first week', () => {
    const baseline = new SeasonalBaseline();
    learn(baseline, options, 0, 50, (hourStart) => (hourStart - MONDAY) / HOUR);
    // Hour 1 of the day was seen on days 1 and 2 (hours 1 and 25) and once more on day 3 (hour 49).
    assert.equal(baseline.expectedInHour(MONDAY + 73 * HOUR), (1 + 25 + 49) / 3);
    assert.equal(baseline.expectedInHour(MONDAY + 74 * HOUR), (2 + 26) / 2);
  });

  it('restores from its snapshot and forecasts the same, in the first week and after', () => {
    for (const hours of [30, 200]) {
      const baseline = new SeasonalBaseline();
      learn(baseline, options, 0, hours);
      const restored = SeasonalBaseline.fromJSON(JSON.parse(JSON.stringify(baseline)));
      for (let minute = 0; minute < 600; minute += 7) assert.deepEqual(restored.forecastMinute(MONDAY + hours * HOUR + minute * 60_000, 1.5), baseline.forecastMinute(MONDAY + hours * HOUR + minute * 60_000, 1.5));
      learn(baseline, options, hours, hours + 200);
      learn(restored, options, hours, hours + 200);
      assert.deepEqual(restored.toJSON(), baseline.toJSON());
    }
    assert.throws(() => SeasonalBaseline.fromJSON({ ...new SeasonalBaseline().toJSON(), hourOfWeek: [1] }), /168/);
  });
});
