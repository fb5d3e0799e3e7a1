import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createOrganization, createSpoke, systemActor, type Actor } from '../people/index.ts';
import { calendarOf, routingConfigurationOf } from './routing-configuration.ts';
import { createRule, reorderRules } from './rules/rule-store.ts';
import { createSlaPolicy, setSpokeCalendar } from './sla/sla-policy-store.ts';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

describeOnEachDatabase('the routing configuration kept per process', (database) => {
  const db = () => database().db;
  let hub: Actor;
  let careId: string;
  let first: string;
  let second: string;
  let policyId: string;

  before(async () => {
    hub = systemActor((await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id);
    careId = (await createSpoke(db(), hub, { kind: 'department', name: 'Customer Care' })).id;
    await setSpokeCalendar(db(), hub, careId, { timeZone: 'Europe/London', slots: weekdays });
    policyId = (await createSlaPolicy(db(), hub, { name: 'Standard', defaultFor: 'normal', firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 2880 })).id;
    first = (await createRule(db(), hub, { name: 'Refunds to Care', conditions: [{ field: 'keywords', anyOf: ['refund'] }], actions: { routeTo: { spokeId: careId } } })).id;
    second = (await createRule(db(), hub, { name: 'Urgent', conditions: [{ field: 'urgency', atLeast: 0.8 }], actions: { priority: 'urgent' } })).id;
  });

  const configuration = () => routingConfigurationOf(db(), hub.orgId);

  it('loads rules in order, policies and business hours, and reuses them while nothing changed', async () => {
    const loaded = await configuration();
    assert.deepEqual(loaded.rules.map((rule) => rule.id), [first, second]);
    assert.deepEqual(loaded.policies.map((policy) => policy.id), [policyId]);
    assert.deepEqual(calendarOf(loaded, careId), { timeZone: 'Europe/London', slots: weekdays });
    assert.equal(calendarOf(loaded, null), 'around the clock');
    assert.equal(await configuration(), loaded, 'the same object: nothing was read again');
  });

  it('sees changes made through the stores', async () => {
    await reorderRules(db(), hub, [second, first]);
    assert.deepEqual((await configuration()).rules.map((rule) => rule.id), [second, first]);
  });

  // Another process changes the tables without telling this one: only the database can tell.
  it('sees every change another process commits, however it was made', async () => {
    await db().execute(sql`update routing_rules set name = 'Refunds first' where id = ${first}`);
    assert.equal((await configuration()).rules.find((rule) => rule.id === first)!.name, 'Refunds first');

    await db().execute(sql`update routing_rules set position = case when id = ${first} then 0 else 1 end where org_id = ${hub.orgId}`);
    assert.deepEqual((await configuration()).rules.map((rule) => rule.id), [first, second], 'a reorder changes no timestamp');

    await db().execute(sql`update sla_policies set first_response_minutes = 60 where id = ${policyId}`);
    assert.equal((await configuration()).policies[0]!.firstResponseMinutes, 60);

    await db().execute(sql`update spoke_calendars set slots = '[]'::jsonb where spoke_id = ${careId}`);
    assert.equal(calendarOf(await configuration(), careId), 'around the clock', 'a spoke without hours counts every hour');

    await db().execute(sql`delete from routing_rules where id = ${second}`);
    assert.deepEqual((await configuration()).rules.map((rule) => rule.id), [first]);
  });

  it('does not see a change that was rolled back', async () => {
    const before = await configuration();
    await assert.rejects(db().transaction(async (tx) => {
      await tx.execute(sql`update routing_rules set name = 'Never' where id = ${first}`);
      tx.rollback();
    }), TransactionRollbackError);
    assert.equal(await configuration(), before);
  });
});
