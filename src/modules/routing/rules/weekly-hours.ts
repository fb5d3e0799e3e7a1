// Whether a moment falls inside weekly opening hours kept in a place's own time zone
// ("Mon–Fri 09:00–17:30, Europe/London"): the calendar of a spoke or a person.

/** A weekly opening: ISO weekday (1 = Monday) with local start and end times "HH:MM". */
export interface WeeklySlot { day: number; start: string; end: string }
export interface WeeklyHours { timeZone: string; slots: readonly WeeklySlot[] }

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError naming the zone when it is not an IANA time zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local weekday (1–7) and minute of the day of a moment in a time zone. */
export function localTimeOf(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  return { day: WEEKDAYS[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isWithinHours(at: Date, hours: WeeklyHours): boolean {
  const { day, minute } = localTimeOf(at, hours.timeZone);
  return hours.slots.some((slot) => slot.day === day && minute >= minuteOf(slot.start) && minute < minuteOf(slot.end));
}
