// Times in a person's own time zone: "share at 09:00" means nine in the sharer's
// morning, and sharing hours are the sharer's hours, wherever the server runs.
import { invalid } from '../../../errors.ts';
import { localTimeOf } from '../../routing/index.ts';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes the zone is ahead of UTC at a moment. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a date-time means: with an offset or Z it is that instant; without one
 * it is the wall-clock time in `timeZone` (in a gap when clocks go forward, the time
 * after the gap; in the hour that repeats, the first of the two).
 */
export function instantOf(value: string, timeZone: string, field: string): Date {
  const local = LOCAL_DATE_TIME.exec(value);
  if (!local) {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime()) || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) throw invalid([{ field, message: 'is not a date-time (YYYY-MM-DDTHH:MM in your time zone, or an instant with Z or an offset)' }]);
    return instant;
  }
  const [, year, month, day, hour, minute, second] = local.map(Number) as number[];
  const wallClock = Date.UTC(year!, month! - 1, day!, hour!, minute!, second || 0);
  // Two passes settle the offset, also when the first guess falls on the other side of a change.
  const first = wallClock - offsetMinutes(new Date(wallClock), timeZone) * 60_000;
  return new Date(wallClock - offsetMinutes(new Date(first), timeZone) * 60_000);
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the moment falls inside the hours (local "HH:MM", start after end spanning midnight, equal meaning all day). */
export function isWithinLocalHours(at: Date, timeZone: string, hours: { start: string; end: string }): boolean {
  const start = minuteOf(hours.start);
  const end = minuteOf(hours.end);
  if (start === end) return true;
  const { minute } = localTimeOf(at, timeZone);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
