// The organization's routing configuration (rules, SLA policies, spokes' business hours),
// kept per process and reloaded only when one of them changed, as triage keeps its
// models: a routing batch reads one small stamp instead of three tables.
//
// The stamp hashes every row's id and xmin. Postgres gives each version of a row the id of
// the transaction that wrote it (xmin), so any insert, update or delete that commits, in
// any process and through the stores or not, changes the stamp; no write path has to
// remember to bump a version.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/index.ts';
import { routingRules, slaPolicies, spokeCalendars } from './routing.schema.ts';
import type { RoutingRule } from './rules/routing-rule.ts';
import type { WeeklyHours } from './rules/weekly-hours.ts';
import type { SlaCalendar } from './sla/sla-calendar.ts';
import type { SlaPolicy } from './sla/sla-policies.ts';

export interface RoutingConfiguration {
  /** In the order they are tried. */
  rules: RoutingRule[];
  policies: SlaPolicy[];
  /** The business hours of the spokes that keep any. */
  hoursBySpoke: Map<string, WeeklyHours>;
}

const configurationByOrg = new Map<string, { stamp: string; configuration: RoutingConfiguration }>();

/** Every row version of the organization in one table, as `id:xmin,…`. */
function rowVersions(table: PgTable, id: PgColumn, orgId: string): SQL {
  return sql`(select string_agg(${id}::text || ':' || ${table}.xmin::text, ',' order by ${id}) from ${table} where org_id = ${orgId})`;
}

async function stampOf(db: Database, orgId: string): Promise<string> {
  const { rows } = await db.execute(sql`select md5(concat(${rowVersions(routingRules, routingRules.id, orgId)}, '/',
    ${rowVersions(slaPolicies, slaPolicies.id, orgId)}, '/', ${rowVersions(spokeCalendars, spokeCalendars.spokeId, orgId)})) as stamp`) as unknown as { rows: { stamp: string }[] };
  return rows[0]!.stamp;
}

async function loadConfiguration(db: Database, orgId: string): Promise<RoutingConfiguration> {
  const [rules, policies, calendars] = await Promise.all([
    db.select().from(routingRules).where(eq(routingRules.orgId, orgId)).orderBy(asc(routingRules.position), asc(routingRules.createdAt)),
    db.select().from(slaPolicies).where(eq(slaPolicies.orgId, orgId)),
    db.select().from(spokeCalendars).where(eq(spokeCalendars.orgId, orgId)),
  ]);
  return {
    rules: rules.map(({ id, name, enabled, conditions, actions, stop }) => ({ id, name, enabled, conditions, actions, stop })),
    policies,
    hoursBySpoke: new Map(calendars.filter((calendar) => calendar.slots.length > 0).map((calendar) => [calendar.spokeId, { timeZone: calendar.timeZone, slots: calendar.slots }])),
  };
}

export async function routingConfigurationOf(db: Database, orgId: string): Promise<RoutingConfiguration> {
  const stamp = await stampOf(db, orgId);
  const cached = configurationByOrg.get(orgId);
  if (cached?.stamp === stamp) return cached.configuration;
  // Loaded after the stamp was read, so never older than it: a change in between only costs one more reload.
  const configuration = await loadConfiguration(db, orgId);
  configurationByOrg.set(orgId, { stamp, configuration });
  return configuration;
}

/** The calendar a spoke's SLA clocks count in; without a spoke (the hub) or hours, around the clock. */
export function calendarOf(configuration: RoutingConfiguration, spokeId: string | null): SlaCalendar {
  return (spokeId && configuration.hoursBySpoke.get(spokeId)) || 'around the clock';
}
