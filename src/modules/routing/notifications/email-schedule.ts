// When a notification e-mail may go out, in the person's own time zone: at once, at the
// end of their quiet hours (which may span midnight), or in their daily digest.

/** A wall-clock day and minute in some time zone. */
interface LocalMoment { day: string; minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Unknown zones count as UTC rather than losing the notification. */
const knownZone = (timeZone: string) => {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
};

function wallClockOf(at: Date, timeZone: string) {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), date: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

function localMomentOf(at: Date, timeZone: string): LocalMoment {
  const wall = wallClockOf(at, timeZone);
  return { day: `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.date).padStart(2, '0')}`, minute: wall.hour * 60 + wall.minute };
}

/** The instant a local wall-clock time happens (in a daylight-saving gap, the same offset as just before it). */
function instantOf({ day, minute }: LocalMoment, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, date, 0, minute);
  const offsetAt = (instant: number) => {
    const wall = wallClockOf(new Date(instant), timeZone);
    return Date.UTC(wall.year, wall.month - 1, wall.date, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;
  };
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess));
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
export const minuteOfClock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the quiet hours around `now` end, or null when `now` is not inside them. */
export function quietHoursEnd(now: Date, timeZoneName: string, quietStart: string, quietEnd: string): Date | null {
  const timeZone = knownZone(timeZoneName);
  const start = minuteOfClock(quietStart);
  const end = minuteOfClock(quietEnd);
  const { day, minute } = localMomentOf(now, timeZone);
  const spansMidnight = start > end;
  const inside = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const endsTomorrow = spansMidnight && minute >= start;
  return instantOf({ day: endsTomorrow ? nextDay(day) : day, minute: end }, timeZone);
}

/** The next digest at the person's local digest hour: its local day (the job's key) and instant. */
export function nextDigest(now: Date, timeZoneName: string, digestHour: number): { day: string; at: Date } {
  const timeZone = knownZone(timeZoneName);
  const today = localMomentOf(now, timeZone).day;
  const todayAt = instantOf({ day: today, minute: digestHour * 60 }, timeZone);
  if (now < todayAt) return { day: today, at: todayAt };
  const tomorrow = nextDay(today);
  return { day: tomorrow, at: instantOf({ day: tomorrow, minute: digestHour * 60 }, timeZone) };
}
