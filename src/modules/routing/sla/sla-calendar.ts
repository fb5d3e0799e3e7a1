// The calendar an SLA clock counts in: the owning spoke's business hours, or every
// hour of the week when the spoke keeps none (the hub answers around the clock).
// Which spoke keeps which hours comes with the routing configuration.
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import { addBusinessMinutes } from './business-time.ts';

export type SlaCalendar = WeeklyHours | 'around the clock';

export function dueAfter(start: Date, minutes: number, calendar: SlaCalendar): Date {
  return calendar === 'around the clock' ? new Date(start.getTime() + minutes * 60_000) : addBusinessMinutes(start, minutes, calendar);
}
