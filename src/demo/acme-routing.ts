// How Acme Retail's hub routes: SLA policies per priority, business hours for the
// departments and stores, ordered rules from its categories and stores to the spokes
// that answer, and a first handful of conversations so the inbox has work on first start.
import type { Database } from '../db/index.ts';
import type { Actor } from '../modules/people/index.ts';
import { createSource, ingestPosts, type PostToStore } from '../modules/listening/index.ts';
import { createRule, createSlaPolicy, setSpokeCalendar } from '../modules/routing/index.ts';

interface Shift { days: number[]; start: string; end: string }
interface DemoIds { spokeIds: Map<string, string>; storeNames: Set<string>; categoryIds: Map<string, string>; shifts: Record<'office' | 'store', Shift> }

const policies = [
  { name: 'Urgent', defaultFor: 'urgent', firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480, warnBeforeMinutes: 10 },
  { name: 'High', defaultFor: 'high', firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440, warnBeforeMinutes: 15 },
  { name: 'Standard', defaultFor: 'normal', firstResponseMinutes: 240, nextResponseMinutes: 480, resolutionMinutes: 2880, warnBeforeMinutes: 30 },
  { name: 'Low', defaultFor: 'low', firstResponseMinutes: 1440, nextResponseMinutes: 1440, resolutionMinutes: 10080, warnBeforeMinutes: 60 },
] as const;

const storeZones: Record<string, string> = { 'Madrid Gran Vía': 'Europe/Madrid', 'Berlin Alexanderplatz': 'Europe/Berlin', 'Lyon Part-Dieu': 'Europe/Paris' };

const categoryRoutes: [category: string, spoke: string][] = [
  ['Delivery', 'Logistics'], ['Billing and refunds', 'Customer Service'], ['Product defect', 'Product'], ['Jobs and HR', 'HR'], ['Praise', 'Marketing'],
];

const firstMentions: PostToStore[] = [
  { externalId: 'demo-1', text: 'My parcel from @acmeretail was due on Monday and it still has not arrived. Tracking says nothing.', language: 'en', author: { handle: '@mia.h', displayName: 'Mia Hughes', followers: 412 } },
  { externalId: 'demo-2', text: 'Acme charged me twice for the same order and nobody answers the phone. I want a refund today.', language: 'en', author: { handle: '@tom_w', displayName: 'Tom Walsh', followers: 88 } },
  { externalId: 'demo-3', text: 'The kettle I bought at Acme stopped working after a week. Faulty again!', language: 'en', author: { handle: '@kettlekate', followers: 1_250 } },
  { externalId: 'demo-4', text: 'If Acme does not fix this I will speak to my lawyer. Your data breach leaked my address.', language: 'en', author: { handle: '@j.ramos', displayName: 'Jorge Ramos', followers: 31_000 } },
  { externalId: 'demo-5', text: 'Huge queue at the Leeds store checkout today, only one till open.', language: 'en', author: { handle: '@leedslad' } },
  { externalId: 'demo-6', text: 'Shout out to the lovely team at the Manchester store, thank you so much!', language: 'en', author: { handle: '@annie.b', followers: 230 } },
  { externalId: 'demo-7', text: 'Meine Bestellung bei Acme ist immer noch nicht angekommen, schon zehn Tage.', language: 'de', author: { handle: '@k.schulz' } },
  { externalId: 'demo-8', text: 'Is Acme hiring for the Christmas season? Any vacancies in York?', language: 'en', author: { handle: '@sam_j' } },
];

export async function seedAcmeRouting(db: Database, actor: Actor, { spokeIds, storeNames, categoryIds, shifts }: DemoIds): Promise<void> {
  const policyIds = new Map<string, string>();
  for (const policy of policies) policyIds.set(policy.name, (await createSlaPolicy(db, actor, policy)).id);
  for (const [name, spokeId] of spokeIds) {
    const shift = storeNames.has(name) ? shifts.store : shifts.office;
    await setSpokeCalendar(db, actor, spokeId, { timeZone: storeZones[name] ?? 'Europe/London', slots: shift.days.map((day) => ({ day, start: shift.start, end: shift.end })) });
  }
  const spoke = (name: string) => spokeIds.get(name)!;
  await createRule(db, actor, {
    name: 'Legal threats go to Legal, urgently, with approval', stop: true,
    conditions: [{ field: 'category', anyOf: [categoryIds.get('Legal')!] }],
    actions: { routeTo: { spokeId: spoke('Legal') }, priority: 'urgent', requireApproval: true, tags: ['legal'], slaPolicyId: policyIds.get('Urgent')! },
  });
  await createRule(db, actor, {
    name: 'Loud and angry: high priority', conditions: [{ field: 'sentiment', anyOf: ['negative'] }, { field: 'authorFollowers', atLeast: 10_000 }],
    actions: { priority: 'high', tags: ['influencer'] },
  });
  await createRule(db, actor, {
    name: 'About a store: that store answers', conditions: [{ field: 'category', anyOf: [categoryIds.get('Store experience')!] }],
    actions: { routeTo: { place: true }, tags: ['store'] },
  });
  for (const [category, spokeName] of categoryRoutes) {
    await createRule(db, actor, { name: `${category} to ${spokeName}`, conditions: [{ field: 'category', anyOf: [categoryIds.get(category)!] }], actions: { routeTo: { spokeId: spoke(spokeName) } } });
  }
  const source = await createSource(db, actor, { kind: 'file', name: 'Demo: first mentions', config: {}, matchMode: 'all' });
  // Stored like any import: the worker triages and routes them within seconds of start.
  await ingestPosts(db, { id: source.id, orgId: actor.orgId, name: source.name, matchMode: 'all' }, firstMentions);
}
