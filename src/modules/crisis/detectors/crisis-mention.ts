// What the crisis detectors read of a mention. The later wiring builds it from a
// triaged mention (triage's TriagedMention event); the detectors never see anything
// else, so they stay pure and can be replayed from stored mentions or synthetic streams.
import type { SentimentLabel } from '../../triage/index.ts';

export interface CrisisMention {
  id: string;
  /** When the mention was posted (epoch milliseconds); a mention older than the stream's clock counts at the clock's time. */
  at: number;
  sentiment: SentimentLabel;
  /** Compound sentiment score, −1..1, when known: the high-reach detector's sensitivity reads it. */
  sentimentScore?: number | null;
  category: string | null;
  authorHandle?: string | null;
  authorFollowers?: number | null;
  /** The text, scanned for trigger words unless `triggerWords` is given. */
  text?: string | null;
  /** The trigger words (as configured) already found in the text, e.g. by one matcher shared by all of an organization's topics. */
  triggerWords?: readonly string[] | null;
}
