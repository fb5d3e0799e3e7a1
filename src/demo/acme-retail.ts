// The "Acme Retail" demo: a UK-and-Europe retailer with a social hub, departments and
// stores, and people with realistic skills, languages and hours, so every screen has
// something to show on first start. Written only through the people module's services.
import type { Database } from '../db/index.ts';
import {
  addMembership, createOrganization, createPerson, createSpoke, findOrganizationBySlug, systemActor, type Actor, type Role,
} from '../modules/people/index.ts';
import { createTopic } from '../modules/listening/index.ts';
import { seedAcmeCategories } from './acme-categories.ts';
import { seedAcmeRouting } from './acme-routing.ts';
import { seedAcmeReplies } from './acme-replies.ts';
import { seedAcmeAdvocacy } from './acme-advocacy.ts';

export const DEMO_PASSWORD = 'herd-demo-2026';
export const DEMO_ORG_SLUG = 'acme-retail';
const DOMAIN = 'acme-retail.example';

type Kind = 'department' | 'business_unit' | 'store' | 'region' | 'other';
interface SpokeRow {
  name: string;
  kind: Kind;
  parent?: string;
  place?: { address: string; city: string; region: string; country: string; latitude: number; longitude: number };
  aliases?: string[];
}

const spokeTable: SpokeRow[] = [
  { name: 'Social Hub', kind: 'department' },
  ...['Customer Service', 'Product', 'Logistics', 'HR', 'Legal', 'Marketing', 'PR'].map((name) => ({ name, kind: 'department' as const })),
  { name: 'UK & Ireland', kind: 'region' },
  { name: 'Continental Europe', kind: 'region' },
  { name: 'Leeds Briggate', kind: 'store', aliases: ['the Leeds store', 'Acme Leeds'], parent: 'UK & Ireland', place: { address: '47 Briggate', city: 'Leeds', region: 'West Yorkshire', country: 'GB', latitude: 53.7983, longitude: -1.5431 } },
  { name: 'Manchester Market Street', kind: 'store', aliases: ['the Manchester store', 'Acme Manchester'], parent: 'UK & Ireland', place: { address: '62 Market Street', city: 'Manchester', region: 'Greater Manchester', country: 'GB', latitude: 53.4831, longitude: -2.2404 } },
  { name: 'London Oxford Street', kind: 'store', aliases: ['the Oxford Street store', 'Acme Oxford St'], parent: 'UK & Ireland', place: { address: '318 Oxford Street', city: 'London', region: 'Greater London', country: 'GB', latitude: 51.5152, longitude: -0.1445 } },
  { name: 'Glasgow Buchanan Street', kind: 'store', aliases: ['the Glasgow store', 'Acme Glasgow'], parent: 'UK & Ireland', place: { address: '120 Buchanan Street', city: 'Glasgow', region: 'Scotland', country: 'GB', latitude: 55.8617, longitude: -4.2533 } },
  { name: 'Lyon Part-Dieu', kind: 'store', aliases: ['Acme Lyon'], parent: 'Continental Europe', place: { address: '17 Rue du Docteur Bouchut', city: 'Lyon', region: 'Auvergne-Rhône-Alpes', country: 'FR', latitude: 45.7609, longitude: 4.8570 } },
  { name: 'Berlin Alexanderplatz', kind: 'store', aliases: ['Acme Berlin'], parent: 'Continental Europe', place: { address: 'Alexanderplatz 9', city: 'Berlin', region: 'Berlin', country: 'DE', latitude: 52.5219, longitude: 13.4132 } },
  { name: 'Madrid Gran Vía', kind: 'store', aliases: ['Acme Madrid'], parent: 'Continental Europe', place: { address: 'Gran Vía 32', city: 'Madrid', region: 'Comunidad de Madrid', country: 'ES', latitude: 40.4203, longitude: -3.7058 } },
];

// Named shifts (ISO days, 1 = Monday): stores open Tuesday to Saturday. The demo's
// volunteer sign-in is always on shift, so whoever tries the demo, at any hour, sees
// the demo stream's conversations routed to them.
type Hours = 'office' | 'early' | 'late' | 'store' | 'part' | 'us' | 'always';
const shifts: Record<Hours, { days: number[]; start: string; end: string }> = {
  office: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
  early: { days: [1, 2, 3, 4, 5], start: '07:30', end: '15:30' },
  late: { days: [1, 2, 3, 4, 5], start: '12:00', end: '20:00' },
  store: { days: [2, 3, 4, 5, 6], start: '10:00', end: '18:00' },
  part: { days: [1, 2, 3], start: '09:00', end: '13:00' },
  us: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  always: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' },
};

const tz = { lon: 'Europe/London', par: 'Europe/Paris', ber: 'Europe/Berlin', mad: 'Europe/Madrid', ny: 'America/New_York' } as const;

interface PersonRow {
  name: string; email: string; title: string; role: Role; spoke: string | null;
  languages: string[]; timeZone: keyof typeof tz; hours: Hours; capacity: number;
  skills: string; away?: boolean; handles?: Record<string, string>;
}

// skills: "topic:level, ..." (level 1-5).
const peopleTable: PersonRow[] = [
  { name: 'Amira Haddad', email: 'admin', title: 'Head of Social', role: 'hub_admin', spoke: null, languages: ['en', 'fr', 'ar'], timeZone: 'lon', hours: 'office', capacity: 10, skills: 'crisis:5, praise:4, brand voice:5', handles: { mastodon: '@amira@social.acme-retail.example', bluesky: 'amira.acme-retail.example' } },
  { name: 'Tom Whitfield', email: 'tom.whitfield', title: 'Social Hub Coordinator', role: 'hub_admin', spoke: null, languages: ['en'], timeZone: 'lon', hours: 'late', capacity: 20, skills: 'triage:5, delivery:3, billing:3' },
  { name: 'Claire Dubois', email: 'pr', title: 'PR Lead', role: 'pr_lead', spoke: 'PR', languages: ['en', 'fr'], timeZone: 'par', hours: 'office', capacity: 8, skills: 'press:5, crisis:5, brand voice:4', handles: { bluesky: 'clairedubois.bsky.social' } },
  { name: 'Oliver Grant', email: 'oliver.grant', title: 'Press Officer', role: 'volunteer', spoke: 'PR', languages: ['en'], timeZone: 'lon', hours: 'office', capacity: 10, skills: 'press:4, praise:3' },
  { name: 'Priya Nair', email: 'analyst', title: 'Social Insights Analyst', role: 'analyst', spoke: null, languages: ['en', 'hi'], timeZone: 'lon', hours: 'office', capacity: 5, skills: 'reporting:5, sentiment:4' },
  { name: 'Sarah Okafor', email: 'cs.lead', title: 'Customer Service Team Lead', role: 'spoke_lead', spoke: 'Customer Service', languages: ['en'], timeZone: 'lon', hours: 'early', capacity: 25, skills: 'delivery:5, returns:5, billing:4, complaints:5', handles: { mastodon: '@sokafor@mastodon.social' } },
  { name: 'Jakub Nowak', email: 'jakub.nowak', title: 'Customer Service Advisor', role: 'volunteer', spoke: 'Customer Service', languages: ['en', 'pl'], timeZone: 'lon', hours: 'late', capacity: 30, skills: 'delivery:4, returns:4, billing:3' },
  { name: 'Emma Clarke', email: 'emma.clarke', title: 'Customer Service Advisor', role: 'volunteer', spoke: 'Customer Service', languages: ['en'], timeZone: 'lon', hours: 'early', capacity: 30, skills: 'billing:5, refunds:4, returns:3' },
  { name: 'Lucía Fernández', email: 'lucia.fernandez', title: 'Customer Service Advisor (ES)', role: 'volunteer', spoke: 'Customer Service', languages: ['es', 'en'], timeZone: 'mad', hours: 'office', capacity: 25, skills: 'delivery:4, returns:4, complaints:3' },
  { name: 'Marc Lefèvre', email: 'marc.lefevre', title: 'Customer Service Advisor (FR)', role: 'volunteer', spoke: 'Customer Service', languages: ['fr', 'en'], timeZone: 'par', hours: 'late', capacity: 25, skills: 'billing:4, delivery:3, refunds:4', away: true },
  { name: 'Hannah Schmidt', email: 'hannah.schmidt', title: 'Customer Service Advisor (DE)', role: 'volunteer', spoke: 'Customer Service', languages: ['de', 'en'], timeZone: 'ber', hours: 'early', capacity: 25, skills: 'returns:5, delivery:4, product defects:2' },
  { name: 'Ben Carter', email: 'ben.carter', title: 'Customer Care, US hours', role: 'volunteer', spoke: 'Customer Service', languages: ['en', 'es'], timeZone: 'ny', hours: 'us', capacity: 20, skills: 'delivery:4, billing:4, complaints:4' },
  { name: 'Rachel Kim', email: 'product.lead', title: 'Product Quality Manager', role: 'spoke_lead', spoke: 'Product', languages: ['en', 'ko'], timeZone: 'lon', hours: 'office', capacity: 10, skills: 'product defects:5, recalls:5, product questions:4' },
  { name: 'Felix Braun', email: 'felix.braun', title: 'Product Specialist, Home', role: 'volunteer', spoke: 'Product', languages: ['de', 'en'], timeZone: 'ber', hours: 'office', capacity: 12, skills: 'product questions:5, product defects:4, sizing:2' },
  { name: 'Chloé Martin', email: 'chloe.martin', title: 'Product Specialist, Fashion', role: 'volunteer', spoke: 'Product', languages: ['fr', 'en'], timeZone: 'par', hours: 'office', capacity: 12, skills: 'sizing:5, product questions:4, sustainability:4' },
  { name: 'Dan Hughes', email: 'logistics.lead', title: 'Delivery Operations Manager', role: 'spoke_lead', spoke: 'Logistics', languages: ['en'], timeZone: 'lon', hours: 'early', capacity: 15, skills: 'delivery:5, click and collect:5, carriers:5' },
  { name: 'Agnieszka Wójcik', email: 'agnieszka.wojcik', title: 'Carrier Liaison', role: 'volunteer', spoke: 'Logistics', languages: ['pl', 'en', 'de'], timeZone: 'ber', hours: 'early', capacity: 15, skills: 'delivery:5, carriers:4, returns:3' },
  { name: 'Pablo Ruiz', email: 'pablo.ruiz', title: 'Warehouse Supervisor, Madrid', role: 'volunteer', spoke: 'Logistics', languages: ['es', 'en'], timeZone: 'mad', hours: 'early', capacity: 8, skills: 'delivery:4, stock:5' },
  { name: 'Grace Mensah', email: 'hr.lead', title: 'Talent Acquisition Lead', role: 'spoke_lead', spoke: 'HR', languages: ['en', 'fr'], timeZone: 'lon', hours: 'office', capacity: 10, skills: 'jobs:5, employer brand:5, staff wellbeing:3', handles: { bluesky: 'gracemensah.bsky.social' } },
  { name: 'Liam O\'Brien', email: 'liam.obrien', title: 'Recruiter, Stores', role: 'volunteer', spoke: 'HR', languages: ['en'], timeZone: 'lon', hours: 'part', capacity: 6, skills: 'jobs:4, store experience:3' },
  { name: 'Isabelle Moreau', email: 'legal.lead', title: 'Senior Counsel', role: 'spoke_lead', spoke: 'Legal', languages: ['fr', 'en', 'de'], timeZone: 'par', hours: 'office', capacity: 4, skills: 'legal:5, privacy:5, defamation:4' },
  { name: 'Nikhil Shah', email: 'nikhil.shah', title: 'Privacy Officer', role: 'volunteer', spoke: 'Legal', languages: ['en'], timeZone: 'lon', hours: 'office', capacity: 4, skills: 'privacy:5, legal:4' },
  { name: 'Zoe Turner', email: 'marketing.lead', title: 'Campaigns Manager', role: 'spoke_lead', spoke: 'Marketing', languages: ['en', 'es'], timeZone: 'lon', hours: 'office', capacity: 12, skills: 'campaigns:5, praise:5, influencers:4', handles: { mastodon: '@zoe@social.acme-retail.example', bluesky: 'zoeturner.bsky.social' } },
  { name: 'Mateo García', email: 'mateo.garcia', title: 'Community Manager', role: 'volunteer', spoke: 'Marketing', languages: ['es', 'en', 'pt'], timeZone: 'mad', hours: 'late', capacity: 20, skills: 'praise:5, campaigns:3, brand voice:4', handles: { bluesky: 'mateogarcia.bsky.social' } },
  { name: 'Sophie Becker', email: 'sophie.becker', title: 'Content Creator', role: 'volunteer', spoke: 'Marketing', languages: ['de', 'en'], timeZone: 'ber', hours: 'office', capacity: 10, skills: 'praise:4, campaigns:4, product questions:2', away: true },
  { name: 'James Holloway', email: 'leeds.lead', title: 'Store Manager, Leeds Briggate', role: 'spoke_lead', spoke: 'Leeds Briggate', languages: ['en'], timeZone: 'lon', hours: 'store', capacity: 8, skills: 'store experience:5, click and collect:4, complaints:3' },
  { name: 'Aisha Begum', email: 'aisha.begum', title: 'Sales Associate, Leeds', role: 'volunteer', spoke: 'Leeds Briggate', languages: ['en', 'ur'], timeZone: 'lon', hours: 'store', capacity: 6, skills: 'store experience:4, praise:3' },
  { name: 'Connor Walsh', email: 'connor.walsh', title: 'Store Manager, Manchester', role: 'spoke_lead', spoke: 'Manchester Market Street', languages: ['en'], timeZone: 'lon', hours: 'store', capacity: 8, skills: 'store experience:5, jobs:3, returns:3' },
  { name: 'Fatima Rahman', email: 'fatima.rahman', title: 'Sales Associate, Manchester', role: 'volunteer', spoke: 'Manchester Market Street', languages: ['en', 'bn'], timeZone: 'lon', hours: 'store', capacity: 6, skills: 'store experience:4, returns:3' },
  { name: 'Charlotte Price', email: 'london.lead', title: 'Store Manager, Oxford Street', role: 'spoke_lead', spoke: 'London Oxford Street', languages: ['en', 'fr'], timeZone: 'lon', hours: 'store', capacity: 10, skills: 'store experience:5, events:4, praise:4' },
  { name: 'Kwame Asante', email: 'kwame.asante', title: 'Visual Merchandiser, Oxford Street', role: 'volunteer', spoke: 'London Oxford Street', languages: ['en'], timeZone: 'lon', hours: 'store', capacity: 5, skills: 'store experience:3, events:4' },
  { name: 'Eilidh MacLeod', email: 'eilidh.macleod', title: 'Store Manager, Glasgow', role: 'spoke_lead', spoke: 'Glasgow Buchanan Street', languages: ['en', 'gd'], timeZone: 'lon', hours: 'store', capacity: 8, skills: 'store experience:5, complaints:4' },
  { name: 'Julien Petit', email: 'julien.petit', title: 'Responsable de magasin, Lyon', role: 'spoke_lead', spoke: 'Lyon Part-Dieu', languages: ['fr', 'en'], timeZone: 'par', hours: 'store', capacity: 8, skills: 'store experience:5, returns:3' },
  { name: 'Lena Vogel', email: 'lena.vogel', title: 'Filialleiterin, Berlin', role: 'spoke_lead', spoke: 'Berlin Alexanderplatz', languages: ['de', 'en', 'pl'], timeZone: 'ber', hours: 'store', capacity: 8, skills: 'store experience:5, jobs:3, click and collect:4' },
  { name: 'Tomasz Kowalski', email: 'tomasz.kowalski', title: 'Sales Associate, Berlin', role: 'volunteer', spoke: 'Berlin Alexanderplatz', languages: ['pl', 'de', 'en'], timeZone: 'ber', hours: 'store', capacity: 6, skills: 'store experience:3, delivery:2', away: true },
  { name: 'Carmen López', email: 'carmen.lopez', title: 'Jefa de tienda, Madrid', role: 'spoke_lead', spoke: 'Madrid Gran Vía', languages: ['es', 'en'], timeZone: 'mad', hours: 'store', capacity: 8, skills: 'store experience:5, praise:4, complaints:3' },
  { name: 'Diego Navarro', email: 'diego.navarro', title: 'Sales Associate, Madrid', role: 'volunteer', spoke: 'Madrid Gran Vía', languages: ['es'], timeZone: 'mad', hours: 'store', capacity: 6, skills: 'store experience:3, sizing:3' },
  { name: 'Helen Fraser', email: 'uk.lead', title: 'Regional Director, UK & Ireland', role: 'spoke_lead', spoke: 'UK & Ireland', languages: ['en'], timeZone: 'lon', hours: 'office', capacity: 5, skills: 'store experience:4, crisis:3' },
  { name: 'Stefan Müller', email: 'europe.lead', title: 'Regional Director, Continental Europe', role: 'spoke_lead', spoke: 'Continental Europe', languages: ['de', 'fr', 'en'], timeZone: 'ber', hours: 'office', capacity: 5, skills: 'store experience:4, crisis:3' },
  { name: 'Volunteer Demo', email: 'volunteer', title: 'Social Hub Volunteer', role: 'volunteer', spoke: 'Social Hub', languages: ['en', 'fr', 'de', 'es', 'pl'], timeZone: 'lon', hours: 'always', capacity: 15, skills: 'praise:3, delivery:2, triage:3' },
];

const emailOf = (local: string) => `${local}@${DOMAIN}`;

/** One sign-in per role, shown on first start and by `herd demo`. */
const signIns: { role: Role; email: string }[] = [
  { role: 'hub_admin', email: emailOf('admin') },
  { role: 'pr_lead', email: emailOf('pr') },
  { role: 'spoke_lead', email: emailOf('cs.lead') },
  { role: 'volunteer', email: emailOf('volunteer') },
  { role: 'analyst', email: emailOf('analyst') },
];

const parseSkills = (skills: string) => skills.split(',').map((entry) => {
  const [topic, level] = entry.split(':');
  return { topic: topic!.trim(), level: Number(level) };
});

const workingHoursOf = (hours: Hours) => shifts[hours].days.map((day) => ({ day, start: shifts[hours].start, end: shifts[hours].end }));

/** Listening topics a retailer starts with: the brand, its problem areas, its stores and its competitors. */
const topicTable = [
  { name: 'Acme brand', query: '"acme retail" OR @acmeretail OR #acmeretail' },
  { name: 'Delivery problems', query: '(acme OR @acmeretail) AND (deliver* OR parcel OR courier OR "never arrived") NOT job*' },
  { name: 'Refunds and billing', query: '(acme OR @acmeretail) AND (refund* OR charged OR invoice OR remboursement OR rückerstattung)' },
  { name: 'Our stores', query: 'acme NEAR/5 (store OR shop OR briggate OR "oxford street" OR "gran via")' },
  { name: 'Competitors', query: 'northwind OR contoso OR #contoso' },
];

/** Seeds the demo organization once; a second call finds it and writes nothing. */
export async function seedAcmeRetail(db: Database, settings: { passwordCost: number }): Promise<{ created: boolean; orgId: string; signIns: { role: Role; email: string }[] }> {
  const existing = await findOrganizationBySlug(db, DEMO_ORG_SLUG);
  if (existing) return { created: false, orgId: existing.id, signIns };
  const org = await createOrganization(db, { slug: DEMO_ORG_SLUG, name: 'Acme Retail', isDemo: true });
  const actor = systemActor(org.id, 'demo seed');

  const spokeIds = new Map<string, string>();
  for (const spoke of spokeTable) {
    const parentSpokeId = spoke.parent ? spokeIds.get(spoke.parent) : undefined;
    const view = await createSpoke(db, actor, { kind: spoke.kind, name: spoke.name, ...(parentSpokeId && { parentSpokeId }), ...(spoke.place && { place: spoke.place }), ...(spoke.aliases && { aliases: spoke.aliases }) });
    spokeIds.set(spoke.name, view.id);
  }

  let prLead: { id: string; name: string } | undefined;
  let suggester: { id: string; name: string; spokeId: string } | undefined;
  for (const row of peopleTable) {
    const person = await createPerson(db, settings, actor, {
      name: row.name, email: emailOf(row.email), title: row.title, languages: row.languages,
      skills: parseSkills(row.skills), timeZone: tz[row.timeZone], workingHours: workingHoursOf(row.hours),
      capacity: row.capacity, socialHandles: row.handles ?? {}, status: row.away ? 'away' : 'active', password: DEMO_PASSWORD,
    });
    const spokeId = row.spoke ? spokeIds.get(row.spoke)! : null;
    if (row.role === 'pr_lead') prLead = { id: person.id, name: row.name };
    if (row.email === 'pablo.ruiz') suggester = { id: person.id, name: row.name, spokeId: spokeId! };
    // Hub admins, the PR lead and analysts hold their role organization-wide; others in their spoke.
    const orgWideRole = row.role === 'hub_admin' || row.role === 'analyst' || row.role === 'pr_lead';
    await addMembership(db, actor, { personId: person.id, spokeId: orgWideRole ? null : spokeId, role: row.role });
    if (orgWideRole && spokeId) await addMembership(db, actor, { personId: person.id, spokeId, role: 'volunteer' });
  }
  for (const topic of topicTable) await createTopic(db, actor, topic);
  const categoryIds = await seedAcmeCategories(db, actor);
  const storeNames = new Set(spokeTable.filter((spoke) => spoke.kind === 'store').map((spoke) => spoke.name));
  await seedAcmeRouting(db, actor, { spokeIds, storeNames, categoryIds, shifts });
  // The library is the PR lead's: she owns the saved replies and approved the holding statement.
  const prLeadActor = { ...actor, personId: prLead!.id, label: prLead!.name };
  await seedAcmeReplies(db, prLeadActor, spokeIds);
  // Pablo suggests a story as he would in the app: as a volunteer of his spoke, not as the system.
  const volunteer: Actor = { orgId: org.id, personId: suggester!.id, label: suggester!.name, via: 'session', roles: [{ role: 'volunteer', spokeId: suggester!.spokeId }] };
  await seedAcmeAdvocacy(db, prLeadActor, volunteer, spokeIds.get('Leeds Briggate')!);
  return { created: true, orgId: org.id, signIns };
}
