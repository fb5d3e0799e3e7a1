// The calendar an SLA clock counts in: the owning spoke's business hours, or every
// hour of the week when the spoke keeps none (the hub answers around the clock).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import { spokeCalendars } from '../routing.schema.ts';
import { addBusinessMinutes } from './business-time.ts';

export type SlaCalendar = WeeklyHours | 'around the clock';

export async function calendarOfSpoke(db: Database, orgId: string, spokeId: string | null): Promise<SlaCalendar> {
  if (!spokeId) return 'around the clock';
  const [row] = await db.select().from(spokeCalendars).where(and(eq(spokeCalendars.orgId, orgId), eq(spokeCalendars.spokeId, spokeId)));
  return row && row.slots.length > 0 ? { timeZone: row.timeZone, slots: row.slots } : 'around the clock';
}

export function dueAfter(start: Date, minutes: number, calendar: SlaCalendar): Date {
  return calendar === 'around the clock' ? new Date(start.getTime() + minutes * 60_000) : addBusinessMinutes(start, minutes, calendar);
}
