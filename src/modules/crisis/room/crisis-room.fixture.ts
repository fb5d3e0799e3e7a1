// For the crisis room's tests: an organization with a hub admin, a PR lead, a Care spoke
// (where a hub rule sends everything) with a volunteer, a crisis desk spoke, topics,
// and a file source; posts arrive through the real pipeline (listening, triage, routing).
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { SignedIn, TestHerd } from '../../../server/test-app.ts';
import { ingestPosts, type IngestTarget } from '../../listening/index.ts';
import { enrichMentions } from '../../triage/index.ts';
import { routeStoredMentions } from '../../routing/index.ts';

export interface CrisisRoomWorld {
  admin: SignedIn;
  prLead: SignedIn;
  volunteer: SignedIn;
  careId: string;
  deskId: string;
  topics: { brand: string; stores: string; weather: string };
  /** A customer post (triaged and routed); its conversation and where routing sent it. */
  arrive(text: string, postedAt?: Date): Promise<{ conversationId: string; spokeId: string | null; mentionId: string }>;
  /** Requests as this person. */
  as(who: SignedIn): Requests;
}

export interface Requests {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object): Promise<LightMyRequestResponse>;
  patch(url: string, payload: object): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function requestsAs(herd: () => TestHerd, who: SignedIn): Requests {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    herd().app.inject({ method, url, headers: who.headers, ...(payload !== undefined && { payload }) });
  return { get: (url) => send('GET', url), post: (url, payload = {}) => send('POST', url, payload), patch: (url, payload) => send('PATCH', url, payload), delete: (url) => send('DELETE', url) };
}

/** The response's JSON after checking its status. */
export function expectStatus(response: LightMyRequestResponse, status: number) {
  assert.equal(response.statusCode, status, response.body);
  return response.body === '' ? undefined : response.json();
}

export async function createCrisisRoomWorld(herd: () => TestHerd, org = 'acme'): Promise<CrisisRoomWorld> {
  const db = herd().database.db;
  const admin = await herd().signInAs('hub_admin', { org, email: `admin@${org}.test` });
  const as = (who: SignedIn) => requestsAs(herd, who);
  const careId = expectStatus(await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' }), 201).id;
  const deskId = expectStatus(await as(admin).post('/api/spokes', { kind: 'department', name: 'Crisis desk' }), 201).id;
  const prLead = await herd().signInAs('pr_lead', { org, email: `pr@${org}.test` });
  const volunteer = await herd().signInAs('volunteer', { org, spokeId: careId, email: `volunteer@${org}.test` });
  const topic = async (name: string) => expectStatus(await as(admin).post('/api/topics', { name, query: name.toLowerCase() }), 201).id as string;
  const topics = { brand: await topic('Brand'), stores: await topic('Stores'), weather: await topic('Weather') };
  const created = expectStatus(await as(admin).post('/api/sources', { kind: 'file', name: 'Reviews', config: {}, matchMode: 'all' }), 201);
  const source: IngestTarget = { id: created.id, orgId: admin.orgId, name: 'Reviews', matchMode: 'all' };
  expectStatus(await as(admin).post('/api/routing/rules', { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: careId } } }), 201);
  // Only a crisis makes a reply high-risk here.
  expectStatus(await as(admin).patch('/api/respond/settings', { urgencyThreshold: 101, reachThreshold: 1_000_000_000, approvalForFindings: 'none' }), 200);
  let posts = 0;
  const arrive = async (text: string, postedAt = new Date()) => {
    const { mentionIds } = await ingestPosts(db, source, [{ externalId: `post-${++posts}`, text, language: 'en', createdAt: postedAt.toISOString() }]);
    await enrichMentions(db, admin.orgId, mentionIds);
    const [routed] = await routeStoredMentions(db, admin.orgId, mentionIds);
    return { conversationId: routed!.conversationId, spokeId: routed!.spokeId, mentionId: mentionIds[0]! };
  };
  return { admin, prLead, volunteer, careId, deskId, topics, arrive, as };
}
