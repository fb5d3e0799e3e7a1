// The calendar an SLA clock counts in: the owning spoke's business hours, or every
// hour of the week when the spoke keeps none (the hub answers around the clock).
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import { spokeCalendars } from '../routing.schema.ts';
import { addBusinessMinutes } from './business-time.ts';

export type SlaCalendar = WeeklyHours | 'around the clock';

export async function calendarOfSpoke(db: Database, orgId: string, spokeId: string | null): Promise<SlaCalendar> {
  return spokeId ? (await calendarsOfSpokes(db, orgId, [spokeId])).get(spokeId)! : 'around the clock';
}

/** Every spoke's calendar, whether it keeps one or not. */
export async function calendarsOfSpokes(db: Database, orgId: string, spokeIds: readonly string[]): Promise<Map<string, SlaCalendar>> {
  const rows = spokeIds.length === 0 ? [] : await db.select().from(spokeCalendars).where(and(eq(spokeCalendars.orgId, orgId), inArray(spokeCalendars.spokeId, [...spokeIds])));
  const kept = new Map(rows.filter((row) => row.slots.length > 0).map((row): [string, SlaCalendar] => [row.spokeId, { timeZone: row.timeZone, slots: row.slots }]));
  return new Map(spokeIds.map((spokeId) => [spokeId, kept.get(spokeId) ?? 'around the clock']));
}

export function dueAfter(start: Date, minutes: number, calendar: SlaCalendar): Date {
  return calendar === 'around the clock' ? new Date(start.getTime() + minutes * 60_000) : addBusinessMinutes(start, minutes, calendar);
}
