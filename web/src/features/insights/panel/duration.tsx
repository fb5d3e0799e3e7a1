import { durationWords } from '../insights-format.ts';

/** A duration in words, readable by machines too as an ISO 8601 duration (`PT420S`); a dash when nothing was measured. */
export function Duration({ seconds }: { seconds: number | null }) {
  if (seconds === null) return <span title="Nothing to measure">—</span>;
  return <time dateTime={`PT${seconds}S`}>{durationWords(seconds)}</time>;
}
