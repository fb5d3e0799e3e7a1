import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { createOrganization, systemActor, type Actor } from '../../people/index.ts';
import { createRule, deleteRule, listRules, updateRule } from './rule-store.ts';

describeOnEachDatabase('routing rules placed first, changed and removed by another module', (database) => {
  const db = () => database().db;
  let hub: Actor;

  before(async () => {
    hub = systemActor((await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id);
  });

  const names = async () => (await listRules(db(), hub)).map((rule) => rule.name);

  it('puts a rule before all others when asked, after them otherwise', async () => {
    await createRule(db(), hub, { name: 'Everything to the hub', conditions: [], actions: {} });
    const crisis = await createRule(db(), hub, { name: 'Crisis first', conditions: [], actions: { priority: 'urgent' } }, { first: true });
    await createRule(db(), hub, { name: 'Last', conditions: [], actions: {} });
    const earliest = await createRule(db(), hub, { name: 'Even earlier', conditions: [], actions: {} }, { first: true });
    assert.deepEqual(await names(), ['Even earlier', 'Crisis first', 'Everything to the hub', 'Last']);

    const renamed = await updateRule(db(), hub, crisis.id, { name: 'Crisis renamed', conditions: [{ field: 'topic', anyOf: [earliest.id] }] });
    assert.deepEqual([renamed.position, renamed.conditions], [crisis.position, [{ field: 'topic', anyOf: [earliest.id] }]], 'a change keeps its place');
    await deleteRule(db(), hub, crisis.id);
    assert.deepEqual(await names(), ['Even earlier', 'Everything to the hub', 'Last']);
    await assert.rejects(deleteRule(db(), hub, crisis.id), { code: 'NOT_FOUND' }, 'gone already: the caller may ignore it');
  });
});
