// How crisis numbers read: ratios as "2.4×", shares as "38 %", expected counts with one
// decimal (a baseline of 0.4 mentions is not "0"), times of the stream (epoch ms).

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export const formatRatio = (ratio: number | null) => (ratio === null ? '—' : `${decimal.format(ratio)}×`);
export const formatShare = (share: number | null) => (share === null ? '—' : `${whole.format(share * 100)} %`);
export const formatCount = (count: number) => decimal.format(count);
export const formatEpoch = (at: number) => time.format(new Date(at));
export const formatClock = (at: string | number) => shortTime.format(new Date(at));

/** "14:02 – 14:32" (with the date on the first when the window is not today). */
export function formatWindow(window: { start: number; end: number }): string {
  return `${formatEpoch(window.start)} – ${formatClock(window.end)}`;
}

/** A mention id short enough to scan ("3f2a9c1e…"), the whole id in its tooltip. */
export const shortId = (id: string) => `${id.slice(0, 8)}…`;
