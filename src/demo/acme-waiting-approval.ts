// One reply already waiting for the PR lead when the demo starts: a food blogger with a
// large following asks the Social Hub a question in German, and the hub's volunteer has
// answered; her reach makes the answer high-risk, so it waits in the approvals queue.
// It goes through the real path (ingest, triage, routing, the policy guard) in order,
// without waiting for the job worker, so the first sign-in finds it there.
import type { Database } from '../db/index.ts';
import { fileSourceNamed, ingestPosts } from '../modules/listening/index.ts';
import { enrichMentions } from '../modules/triage/index.ts';
import { routeStoredMentions } from '../modules/routing/index.ts';
import { submitReply } from '../modules/respond/index.ts';
import { actorOfPerson, systemActor } from '../modules/people/index.ts';
import { DEMO_SOURCE_NAME } from './demo-stream.ts';

const bloggerPost = {
  externalId: 'acme-seed-blogger-question',
  text: 'Hallo Acme, ist der AquaBoil Wasserkocher auch für Induktionsplatten geeignet? Ich möchte ihn nächste Woche in meinem Blog vorstellen.',
  language: 'de',
  author: { handle: '@lena.kocht', displayName: 'Lena kocht', followers: 84_000 },
};

const volunteerAnswer = 'Hallo Lena, danke für die Frage! Der AquaBoil ist ein Wasserkocher mit Sockel und braucht keine Kochplatte, '
  + 'er funktioniert also unabhängig vom Herd. Ich arbeite bei Acme im Social-Media-Team. Viele Grüße aus dem Social Hub';

/** The conversation whose reply waits, or undefined when routing found nobody to answer it (then there is nothing to wait for). */
export async function seedWaitingApproval(db: Database, orgId: string): Promise<{ conversationId: string } | undefined> {
  const source = await fileSourceNamed(db, systemActor(orgId, 'demo seed'), DEMO_SOURCE_NAME);
  const { mentionIds } = await ingestPosts(db, source, [bloggerPost]);
  await enrichMentions(db, orgId, mentionIds);
  const [routed] = await routeStoredMentions(db, orgId, mentionIds);
  if (!routed?.assigneeId) return undefined;
  const assignee = await actorOfPerson(db, orgId, routed.assigneeId);
  await submitReply(db, assignee, routed.conversationId, { text: volunteerAnswer });
  return { conversationId: routed.conversationId };
}
