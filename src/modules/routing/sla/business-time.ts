// Time counted in business hours of a calendar kept in its own time zone: when is a
// response due if the SLA gives 4 business hours and the message came in on Friday at
// 16:00 in Leeds? SLA clocks stop outside opening hours, and keep counting right
// through changes of daylight saving time.
import type { WeeklyHours } from '../rules/weekly-hours.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Long enough to cross any holiday season; a calendar with no hours at all is refused. */
const MAX_DAYS_SEARCHED = 400;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offsets change only on a quarter-hour (every real zone's transitions fall on one), so each quarter is worked out once. */
const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +3,600,000 for BST). */
function offsetAt(instant: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 100_000) offsetCache.clear();
    offset = computeOffset(instant, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffset(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local wall-clock time (days since the epoch, minute of the day) in a zone. */
function instantOf(localDay: number, minute: number, timeZone: string): number {
  const wall = localDay * DAY + minute * MINUTE;
  // Two passes settle the offset, also next to a change of daylight saving time.
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** ISO weekday (1 = Monday) of a local day counted from 1970-01-01, a Thursday. */
const weekdayOf = (localDay: number) => ((localDay + 3) % 7 + 7) % 7 + 1;

/** The opening intervals [start, end) of one local day, as instants, in order. */
function openingsOn(localDay: number, hours: WeeklyHours): [number, number][] {
  const day = weekdayOf(localDay);
  return hours.slots.filter((slot) => slot.day === day)
    .map((slot): [number, number] => [instantOf(localDay, minuteOf(slot.start), hours.timeZone), instantOf(localDay, minuteOf(slot.end), hours.timeZone)])
    .sort((a, b) => a[0] - b[0]);
}

const localDayOf = (instant: number, timeZone: string) => Math.floor((instant + offsetAt(instant, timeZone)) / DAY);

/** The instant `minutes` business minutes after `start`. */
export function addBusinessMinutes(start: Date, minutes: number, hours: WeeklyHours): Date {
  if (hours.slots.length === 0) throw new RangeError('The calendar has no opening hours, so business time never passes.');
  let left = minutes * MINUTE;
  let at = start.getTime();
  const firstDay = localDayOf(at, hours.timeZone);
  for (let localDay = firstDay; localDay < firstDay + MAX_DAYS_SEARCHED; localDay++) {
    for (const [open, close] of openingsOn(localDay, hours)) {
      if (close <= at) continue;
      const from = Math.max(open, at);
      if (from + left <= close) return new Date(from + left);
      left -= close - from;
      at = close;
    }
  }
  throw new RangeError(`No ${minutes} business minutes within ${MAX_DAYS_SEARCHED} days of ${start.toISOString()}.`);
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, hours: WeeklyHours): number {
  let total = 0;
  const end = to.getTime();
  const firstDay = localDayOf(from.getTime(), hours.timeZone);
  const lastDay = localDayOf(end, hours.timeZone);
  for (let localDay = firstDay; localDay <= lastDay; localDay++) {
    for (const [open, close] of openingsOn(localDay, hours)) {
      total += Math.max(0, Math.min(close, end) - Math.max(open, from.getTime()));
    }
  }
  return total / MINUTE;
}
