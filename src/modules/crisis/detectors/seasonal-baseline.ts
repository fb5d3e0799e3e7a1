// How many mentions a topic normally gets at any minute of the week, learned from its
// own stream in the spirit of Holt–Winters' multiplicative model: a level (mentions per
// hour with the seasonality taken out) times a factor for each of the 168 hours of the
// week, which holds the daily shape and the weekly one (quiet nights, Monday mornings,
// later weekends). Hours are UTC; the factors learn whatever time zone the audience
// lives in.
//
// Choices, and why:
// - The first week is kept as counts, and the model is fitted from it once it is
//   complete: the level is the week's mean, each factor its hour's count over the level,
//   shrunk toward that hour of day's mean across the week where counts are small.
//   Learning the factors hour by hour from the start converges much more slowly, because
//   the level, still wrong, biases them for weeks. Until then the forecast is each hour
//   of day's mean over the days seen (no alerts come from this by default: the volume
//   detector's warm-up is a week).
// - No trend term. The level's exponential weighting (half-life about a day) lags a
//   brand growing 1% a day by about 1.3%, far inside what the spike test tolerates,
//   while a trend estimated from noisy hourly counts adds noise, and a spike would
//   teach it to expect more growth.
// - Robust updates. Each hour's count is clipped to its forecast ± 4 standard deviations
//   before it is learned (a winsorized, Huber-style update); in the first week, to three
//   times its hour of day's median plus a margin. A spike, or an outage's zeros, moves the
//   baseline by a few percent instead of teaching it that spikes are normal; a lasting
//   change of level is still learned, gradually.
// - Minute resolution by interpolation between hour centres, so the expected rate ramps
//   through the morning instead of jumping at each full hour.
// - It knows how sure it is. Each hour's factor rests on a few noisy counts (one in the
//   second week, about seven equivalent counts once the exponential weighting is
//   steady), so besides the expected count it gives an upper forecast, two standard
//   errors higher. The spike test compares with that: a factor that came out low by
//   chance in a young model must not read as a spike.

export interface SeasonalBaselineSnapshot {
  level: number;
  hoursLearned: number;
  /** The factors of the 168 hours of the week (mean 1); all 1 until the first week is fitted. */
  hourOfWeek: number[];
  /** The variance of each factor's estimate, in units of one hourly count's variance (1 / the counts behind it). */
  factorVariance: number[];
  /** The first week's hourly counts, oldest first, until it is complete; then empty. */
  firstWeek: number[];
  /** The hour-of-week slot of the first count. */
  firstSlot: number;
}

const HOUR = 3_600_000;
const HOURS_PER_WEEK = 168;
/** The epoch began on a Thursday; weeks here begin on Monday 00:00 UTC, 72 hours earlier. */
const EPOCH_HOUR_OF_WEEK = 72;
/** Gain of the level per hour: a half-life of about 23 hours. */
const LEVEL_GAIN = 0.03;
/** Gain of an hour's factor per visit (once a week): about the last four weeks. */
const FACTOR_GAIN = 0.25;
/** Counts are clipped to the forecast ± this many standard deviations before they are learned. */
const CLIP_DEVIATIONS = 4;
/** Mentions of evidence at which an hour's own first-week count and its hour of day's mean weigh the same. */
const SHRINK_MENTIONS = 2;
/** No hour is expected to be quieter than this: a silent topic still expects a little. */
const MIN_EXPECTED_PER_HOUR = 0.1;
const FACTOR_RANGE = [0.02, 20] as const;
/**
 * In the first week a count above this many times its hour of day's median (plus 10) is
 * taken for a spike and clipped; weekend nights can be twice as busy as weekday ones.
 */
const FIRST_WEEK_CEILING = 3;
/** The upper forecast is this many standard errors of the factor above the expected count. */
const UPPER_DEVIATIONS = 2;

export const hourOfWeekOf = (at: number) => (Math.floor(at / HOUR) + EPOCH_HOUR_OF_WEEK) % HOURS_PER_WEEK;

export class SeasonalBaseline {
  /** Mentions per hour, seasonality taken out. */
  private level = 0;
  private hoursLearned = 0;
  private readonly hourOfWeek = new Float64Array(HOURS_PER_WEEK).fill(1);
  private readonly factorVariance = new Float64Array(HOURS_PER_WEEK).fill(1);
  private firstWeek: number[] = [];
  private firstSlot = 0;
  /** Until the first week is fitted: each hour of day's mean over the days seen, and how many (recomputed each hour). */
  private hourOfDay: HourOfDayMeans = { means: new Array<number>(24).fill(0), days: new Array<number>(24).fill(0) };

  /** Whole hours learned so far. */
  get hours(): number {
    return this.hoursLearned;
  }

  /**
   * Expected mentions in the minute starting at `minuteStart`, and the upper forecast
   * (allowing for the factors' uncertainty; `dispersion` is the counts' variance over mean).
   */
  forecastMinute(minuteStart: number, dispersion: number): { expected: number; upper: number } {
    // Hour-of-week position of the minute's middle, measured from the first slot's centre.
    const position = (minuteStart + 30_000) / HOUR + EPOCH_HOUR_OF_WEEK - 0.5;
    const base = Math.floor(position);
    const fraction = position - base;
    const slot = ((base % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
    const next = (slot + 1) % HOURS_PER_WEEK;
    const expected = Math.max((1 - fraction) * this.expectedInSlot(slot) + fraction * this.expectedInSlot(next), MIN_EXPECTED_PER_HOUR);
    const upper = Math.max((1 - fraction) * this.upperInSlot(slot, dispersion) + fraction * this.upperInSlot(next, dispersion), MIN_EXPECTED_PER_HOUR);
    return { expected: expected / 60, upper: upper / 60 };
  }

  /** Expected mentions in the whole hour starting at `hourStart`. */
  expectedInHour(hourStart: number): number {
    return Math.max(this.expectedInSlot(hourOfWeekOf(hourStart)), MIN_EXPECTED_PER_HOUR);
  }

  /**
   * Learns one closed hour: `count` mentions in the hour starting at `hourStart`;
   * `dispersion` (variance over mean of the counts) sets how wide the clipping band is.
   */
  learnHour(hourStart: number, count: number, dispersion: number): void {
    this.hoursLearned++;
    if (this.hoursLearned <= HOURS_PER_WEEK) {
      if (this.hoursLearned === 1) this.firstSlot = hourOfWeekOf(hourStart);
      this.firstWeek.push(count);
      if (this.hoursLearned === HOURS_PER_WEEK) this.fitFirstWeek();
      else this.hourOfDay = hourOfDayMeans(this.firstWeek, this.firstSlot);
      return;
    }
    const slot = hourOfWeekOf(hourStart);
    const forecast = this.expectedInHour(hourStart);
    const band = CLIP_DEVIATIONS * Math.sqrt(dispersion * forecast) + 2;
    const learned = Math.min(Math.max(count, forecast - band), forecast + band);
    const factor = this.hourOfWeek[slot]!;
    this.level = LEVEL_GAIN * (learned / factor) + (1 - LEVEL_GAIN) * this.level;
    if (this.level > 0) {
      this.hourOfWeek[slot] = clamp(FACTOR_GAIN * (learned / this.level) + (1 - FACTOR_GAIN) * factor, FACTOR_RANGE);
      // The variance of an exponentially weighted mean after one more observation.
      this.factorVariance[slot] = (1 - FACTOR_GAIN) ** 2 * this.factorVariance[slot]! + FACTOR_GAIN ** 2;
    }
    if (this.hoursLearned % HOURS_PER_WEEK === 0) this.normalize();
  }

  private expectedInSlot(slot: number): number {
    if (this.firstWeek.length > 0) return this.hourOfDay.means[slot % 24]!;
    return this.level * this.hourOfWeek[slot]!;
  }

  private upperInSlot(slot: number, dispersion: number): number {
    const expected = this.expectedInSlot(slot);
    const variance = this.firstWeek.length > 0 ? 1 / Math.max(this.hourOfDay.days[slot % 24]!, 1) : this.factorVariance[slot]!;
    return expected + UPPER_DEVIATIONS * Math.sqrt(variance * dispersion * Math.max(expected, 1));
  }

  /**
   * Fits level and factors to the first week: counts far above their hour of day's
   * median are clipped first, so a spike in the first week is not learned as normal.
   */
  private fitFirstWeek(): void {
    const counts = this.firstWeek;
    const slotOf = (index: number) => (this.firstSlot + index) % HOURS_PER_WEEK;
    const byHourOfDay: number[][] = Array.from({ length: 24 }, () => []);
    counts.forEach((count, index) => byHourOfDay[slotOf(index) % 24]!.push(count));
    const ceilings = byHourOfDay.map((values) => FIRST_WEEK_CEILING * median(values) + 10);
    const clipped = counts.map((count, index) => Math.min(count, ceilings[slotOf(index) % 24]!));
    const level = clipped.reduce((sum, count) => sum + count, 0) / HOURS_PER_WEEK;
    const means = Array.from({ length: 24 }, () => 0);
    clipped.forEach((count, index) => (means[slotOf(index) % 24]! += count / 7));
    this.level = level;
    clipped.forEach((count, index) => {
      const hourMean = means[slotOf(index) % 24]!;
      const weight = hourMean / (hourMean + SHRINK_MENTIONS);
      this.hourOfWeek[slotOf(index)] = level > 0 ? clamp((weight * count + (1 - weight) * hourMean) / level, FACTOR_RANGE) : 1;
      // One count, shrunk toward the mean of seven.
      this.factorVariance[slotOf(index)] = weight ** 2 + (1 - weight) ** 2 / 7;
    });
    this.firstWeek = [];
    this.normalize();
  }

  /** Keeps the factors' mean at 1 (the size lives in the level); the forecasts do not change. */
  private normalize(): void {
    const mean = this.hourOfWeek.reduce((sum, factor) => sum + factor, 0) / HOURS_PER_WEEK;
    for (let slot = 0; slot < HOURS_PER_WEEK; slot++) this.hourOfWeek[slot]! /= mean;
    this.level *= mean;
  }

  toJSON(): SeasonalBaselineSnapshot {
    return {
      level: this.level,
      hoursLearned: this.hoursLearned,
      hourOfWeek: [...this.hourOfWeek],
      factorVariance: [...this.factorVariance],
      firstWeek: [...this.firstWeek],
      firstSlot: this.firstSlot,
    };
  }

  static fromJSON(snapshot: SeasonalBaselineSnapshot): SeasonalBaseline {
    if (snapshot.hourOfWeek.length !== HOURS_PER_WEEK || snapshot.factorVariance.length !== HOURS_PER_WEEK || snapshot.firstWeek.length >= HOURS_PER_WEEK) {
      throw new RangeError('Seasonal baseline snapshot: expected 168 hour-of-week factors and variances, and under 168 first-week counts');
    }
    const baseline = new SeasonalBaseline();
    baseline.level = snapshot.level;
    baseline.hoursLearned = snapshot.hoursLearned;
    baseline.hourOfWeek.set(snapshot.hourOfWeek);
    baseline.factorVariance.set(snapshot.factorVariance);
    baseline.firstWeek = [...snapshot.firstWeek];
    baseline.firstSlot = snapshot.firstSlot;
    if (baseline.firstWeek.length > 0) baseline.hourOfDay = hourOfDayMeans(baseline.firstWeek, baseline.firstSlot);
    return baseline;
  }
}

interface HourOfDayMeans {
  means: number[];
  days: number[];
}

/**
 * Each hour of day's mean count over the days seen, and how many days, from counts
 * starting at hour-of-week slot `firstSlot`; an hour not seen yet takes the mean of all
 * counts so far.
 */
function hourOfDayMeans(counts: readonly number[], firstSlot: number): HourOfDayMeans {
  const sums = new Array<number>(24).fill(0);
  const days = new Array<number>(24).fill(0);
  counts.forEach((count, index) => {
    const hour = (firstSlot + index) % 24;
    sums[hour]! += count;
    days[hour]!++;
  });
  const overall = counts.length > 0 ? counts.reduce((sum, count) => sum + count, 0) / counts.length : 0;
  return { means: sums.map((sum, hour) => (days[hour]! > 0 ? sum / days[hour]! : overall)), days };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const clamp = (value: number, [low, high]: readonly [number, number]) => Math.min(Math.max(value, low), high);
