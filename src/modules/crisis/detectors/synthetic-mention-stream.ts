// Seeded synthetic mention streams for the detectors' tests and evaluation: a daily
// shape (quiet nights, a morning ramp, midday and evening peaks), weekends lower and
// later, slow growth, 10-minute noise and bursts (threads, pile-ons) that make counts
// wider than Poisson, a mix of sentiment, categories and author reach, a trickle of
// trigger words, and spikes injected at a known start with a known size and make-up.
// The same seed always gives the same stream.
import type { CrisisMention } from './crisis-mention.ts';
import { seededRandom } from '../../../seeded-random.ts';

export interface InjectedSpike {
  start: number;
  minutes: number;
  /** Volume during the spike as a multiple of the normal rate; 1 changes only the make-up. */
  multiplier: number;
  /** Share of negative mentions during the spike (all of them, not only the extra ones). */
  negativeShare?: number;
  /** A category's share during the spike. */
  category?: { name: string; share: number };
}

export interface SyntheticStreamOptions {
  seed: number;
  /** Epoch milliseconds; a Monday 00:00 UTC keeps weeks aligned with the calendar. */
  start: number;
  days: number;
  /** Mentions per hour, averaged over the first week. */
  meanPerHour: number;
  /** Daily growth of the volume, e.g. 0.01 for 1% a day. */
  growthPerDay?: number;
  /** Daily and weekly shape; false gives a flat rate. */
  seasonal?: boolean;
  /** Standard deviation of the log of a 10-minute multiplicative noise. */
  noise?: number;
  /** Bursts a day: 3 to about 15 extra mentions in one minute (5.5 on average). */
  burstsPerDay?: number;
  negativeShare?: number;
  categories?: { name: string; share: number }[];
  /** Authors' followers are log-normal around this median. */
  medianFollowers?: number;
  /** Standard deviation of the log of followers. */
  followersSpread?: number;
  /** Mentions a day that carry a trigger word. */
  triggerMentionsPerDay?: number;
  spikes?: InjectedSpike[];
}

/** Relative volume by hour of a weekday (UTC standing in for the audience's time). */
const WEEKDAY_SHAPE = [0.3, 0.2, 0.15, 0.12, 0.12, 0.18, 0.35, 0.65, 0.95, 1.15, 1.25, 1.3, 1.35, 1.3, 1.25, 1.2, 1.2, 1.25, 1.35, 1.45, 1.5, 1.35, 1, 0.6];
/** Weekends: about a quarter quieter, and everything two hours later. */
const WEEKEND_SHAPE = WEEKDAY_SHAPE.map((_, hour) => 0.75 * WEEKDAY_SHAPE[(hour + 22) % 24]!);
const WEEK_SHAPE = Array.from({ length: 168 }, (_, slot) => (slot >= 120 ? WEEKEND_SHAPE : WEEKDAY_SHAPE)[slot % 24]!);
const WEEK_MEAN = WEEK_SHAPE.reduce((sum, value) => sum + value, 0) / 168;

export const DEFAULT_CATEGORIES = [
  { name: 'delivery', share: 0.15 },
  { name: 'refund', share: 0.1 },
  { name: 'product quality', share: 0.08 },
  { name: 'store service', share: 0.07 },
  { name: 'cancellation', share: 0.04 },
];

const TRIGGER_PHRASES = ['is this a recall?', 'heard about a data breach', 'calling for a boycott', 'thinking about a lawsuit', 'got food poisoning'];
const TEXTS = {
  negative: ['still waiting for my order, not happy', 'worst service ever honestly', 'my refund never arrived', 'the app keeps crashing', 'rude staff again today'],
  neutral: ['does the store open on sunday?', 'anyone tried the new range', 'what time do deliveries come', 'saw the ad on tv', 'is there a discount code'],
  positive: ['love the new store, great staff', 'delivery was quick, thanks', 'really happy with my order', 'best coffee in town', 'great customer service today'],
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** The epoch began on a Thursday: 72 hours into a Monday-based week. */
const EPOCH_HOUR_OF_WEEK = 72;

/** The stream's normal rate (mentions per minute) at `at`, before noise, bursts and spikes. */
export function syntheticRatePerMinute(options: SyntheticStreamOptions, at: number): number {
  const days = (at - options.start) / (24 * HOUR);
  const growth = (1 + (options.growthPerDay ?? 0)) ** days;
  if (options.seasonal === false) return (options.meanPerHour / 60) * growth;
  // Linear between hour centres, so the rate ramps instead of stepping.
  const position = at / HOUR + EPOCH_HOUR_OF_WEEK - 0.5;
  const base = Math.floor(position);
  const fraction = position - base;
  const slot = ((base % 168) + 168) % 168;
  const shape = (1 - fraction) * WEEK_SHAPE[slot]! + fraction * WEEK_SHAPE[(slot + 1) % 168]!;
  return ((options.meanPerHour / 60) * growth * shape) / WEEK_MEAN;
}

export function* syntheticMentions(options: SyntheticStreamOptions): Generator<CrisisMention> {
  const random = seededRandom(options.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const poisson = (mean: number) => {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = random(); product > limit; product *= random()) count++;
    return count;
  };
  const noise = options.noise ?? 0.15;
  const categories = options.categories ?? DEFAULT_CATEGORIES;
  const medianFollowers = options.medianFollowers ?? 300;
  const followersSpread = options.followersSpread ?? 1.5;
  const triggerShare = (options.triggerMentionsPerDay ?? 0.5) / (options.meanPerHour * 24);
  let blockNoise = 1;
  let sequence = 0;

  const mention = (at: number, spike: InjectedSpike | undefined): CrisisMention => {
    const negative = random() < (spike?.negativeShare ?? options.negativeShare ?? 0.25);
    const sentiment = negative ? 'negative' : random() < 0.4 ? 'positive' : 'neutral';
    const score = sentiment === 'neutral' ? 0 : (sentiment === 'negative' ? -1 : 1) * (0.1 + 0.8 * random());
    let category: string | null = null;
    if (spike?.category && random() < spike.category.share) {
      category = spike.category.name;
    } else {
      let draw = random();
      for (const entry of categories) {
        if (draw < entry.share) {
          category = entry.name;
          break;
        }
        draw -= entry.share;
      }
    }
    const texts = TEXTS[sentiment];
    let text = texts[Math.floor(random() * texts.length)]!;
    if (random() < triggerShare) text += ` ${TRIGGER_PHRASES[Math.floor(random() * TRIGGER_PHRASES.length)]!}`;
    return {
      id: `s${options.seed}-${sequence++}`,
      at,
      sentiment,
      sentimentScore: Math.round(score * 100) / 100,
      category,
      authorHandle: `@user${Math.floor(random() * 1_000_000)}`,
      authorFollowers: Math.round(medianFollowers * Math.exp(followersSpread * normal())),
      text,
    };
  };

  const end = options.start + options.days * 24 * HOUR;
  for (let minuteStart = options.start; minuteStart < end; minuteStart += MINUTE) {
    if ((minuteStart / MINUTE) % 10 === 0 || minuteStart === options.start) blockNoise = Math.exp(noise * normal() - (noise * noise) / 2);
    const spike = options.spikes?.find((s) => minuteStart >= s.start && minuteStart < s.start + s.minutes * MINUTE);
    let count = poisson(syntheticRatePerMinute(options, minuteStart + MINUTE / 2) * blockNoise * (spike?.multiplier ?? 1));
    if (options.burstsPerDay && random() < options.burstsPerDay / 1440) count += 3 + Math.floor(-2.5 * Math.log(1 - random()));
    const offsets = Array.from({ length: count }, () => Math.floor(random() * MINUTE)).sort((a, b) => a - b);
    for (const offset of offsets) yield mention(minuteStart + offset, spike);
  }
}
