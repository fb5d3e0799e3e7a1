// The keys rollup rows are filed under: the sentinel ids of the dimension columns, the
// kinds of things counted once, and the UTC buckets (hour, day, month) a time falls in.
import type { ConversationPeriod, MentionPeriod } from './insights.schema.ts';

/** A row counting across the dimension: every spoke, every topic, the whole organization. */
export const ALL = '00000000-0000-0000-0000-000000000000';
/** No spoke (the hub's queue, or a mention about no spoke), or no topic (a direct channel's post). */
export const NONE = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
/** What the rows of no spoke are called where conversations are concerned. */
export const HUB_QUEUE = 'Hub queue';

/** What insights_counted.kind means; never renumber, rows keep these. */
export const countedKinds = { mention: 1, opened: 2, firstResponse: 3, resolution: 4, reply: 5 } as const;
export type CountedKind = keyof typeof countedKinds;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The first instant of the UTC hour, day or month `at` falls in. */
export function bucketOf(at: Date, period: MentionPeriod | ConversationPeriod): Date {
  const ms = at.getTime();
  switch (period) {
    case 'hour': return new Date(ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS));
    case 'day': return new Date(ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS));
    case 'month': return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  }
}
