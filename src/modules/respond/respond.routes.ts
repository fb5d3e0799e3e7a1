// HTTP routes for replying: the live check and sending on a conversation, revising,
// the approval queue and decisions, confirming a reply sent by hand; the policy, its
// versions and acknowledgements; the reply settings; the library of starting points.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import type { Database } from '../../db/index.ts';
import {
  AcknowledgeInput, ApprovalQueueQuery, DraftInput, Judgement, LibraryEntry, LibraryEntryInput, LibraryEntryPatch, LibraryQuery, Policy, PolicyInput,
  PolicyVersions, Reply, ReplyInput, ReplyPage, ReviewInput, ReviseInput, RiskSettings, RiskSettingsPatch, SentByHandInput, SubmittedReply,
} from './respond.contract.ts';
import { checkReplyDraft, reviseReply, submitReply } from './replies/submit-reply.ts';
import { reviewReply } from './replies/review-reply.ts';
import { approvalQueue, replyFor, repliesOfConversation, viewReplies } from './replies/reply-views.ts';
import { confirmSentByHand } from './publishing/confirm-sent-by-hand.ts';
import { acknowledgePolicy, acknowledgedVersionOf, currentPolicy, listPolicyVersions, savePolicy } from './policy/policy-store.ts';
import { riskSettingsOf, saveRiskSettings } from './risk/risk-settings-store.ts';
import { createLibraryEntry, deleteLibraryEntry, listLibrary, updateLibraryEntry } from './library/reply-library.ts';
import { requireAccess } from '../people/index.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['respond'];

function registerReplyRoutes(app: HerdApp, db: Database): void {
  app.post('/api/conversations/:id/reply-check', { schema: { tags, summary: 'Check a draft reply as it is typed: policy findings, network limits, risk tier, who may send it', params: IdParams, body: DraftInput, response: { 200: Judgement } } },
    async (request) => checkReplyDraft(db, actorOf(request), request.params.id, request.body));
  app.post('/api/conversations/:id/replies', { schema: { tags, summary: 'Send a reply: published at once when low-risk, else waits for approval', params: IdParams, body: ReplyInput, response: { 201: SubmittedReply } } },
    async (request, reply) => reply.status(201).send(await submitReply(db, actorOf(request), request.params.id, request.body)));
  app.get('/api/conversations/:id/replies', { schema: { tags, summary: 'The replies written in a conversation, with their reviews', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Reply) }) } } },
    async (request) => ({ items: await repliesOfConversation(db, actorOf(request), request.params.id) }));
  app.get('/api/replies/:id', { schema: { tags, summary: 'One reply with its reviews', params: IdParams, response: { 200: Reply } } }, async (request) => {
    const actor = actorOf(request);
    return (await viewReplies(db, actor.orgId, [(await replyFor(db, actor, request.params.id)).reply]))[0]!;
  });
  app.put('/api/replies/:id/text', { schema: { tags, summary: 'Revise a reply after changes were requested (or its approval lapsed or publishing failed), and send it again', params: IdParams, body: ReviseInput, response: { 200: SubmittedReply } } },
    async (request) => reviseReply(db, actorOf(request), request.params.id, request.body));
  app.get('/api/approvals', { schema: { tags, summary: 'Replies waiting for a decision you may take, oldest first', querystring: ApprovalQueueQuery, response: { 200: ReplyPage } } },
    async (request) => approvalQueue(db, actorOf(request), request.query));
  app.post('/api/replies/:id/review', { schema: { tags, summary: 'Approve, request changes (with a comment, optionally on a span), or reject', params: IdParams, body: ReviewInput, response: { 200: Reply } } },
    async (request) => {
      const actor = actorOf(request);
      return reviewReply(db, actor, request.params.id, request.body, (await riskSettingsOf(db, actor.orgId)).approvalValidHours);
    });
  app.post('/api/replies/:id/sent-by-hand', { schema: { tags, summary: 'Confirm a "copy and open" reply was posted', params: IdParams, body: SentByHandInput, response: { 200: Reply } } },
    async (request) => confirmSentByHand(db, actorOf(request), request.params.id, request.body));
}

function registerPolicyRoutes(app: HerdApp, db: Database): void {
  app.get('/api/policy', { schema: { tags, summary: 'The social-media policy in force, and the newest version you acknowledged', response: { 200: Policy } } }, async (request) => {
    const actor = actorOf(request);
    requireAccess(actor, 'mentions.read');
    const acknowledgedVersion = actor.personId ? await acknowledgedVersionOf(db, actor.orgId, actor.personId) : null;
    return { ...(await currentPolicy(db, actor.orgId)), acknowledgedVersion };
  });
  app.put('/api/policy', { schema: { tags, summary: 'Save the policy as a new version', body: PolicyInput, response: { 200: Policy } } }, async (request) => {
    const actor = actorOf(request);
    return { ...(await savePolicy(db, actor, request.body)), acknowledgedVersion: actor.personId ? await acknowledgedVersionOf(db, actor.orgId, actor.personId) : null };
  });
  app.get('/api/policy/versions', { schema: { tags, summary: 'Every saved version of the policy, newest first', response: { 200: PolicyVersions } } },
    async (request) => ({ items: await listPolicyVersions(db, actorOf(request)) }));
  app.post('/api/policy/acknowledgements', { schema: { tags, summary: 'Acknowledge a version of the policy (yourself)', body: AcknowledgeInput } }, async (request, reply) => {
    const actor = actorOf(request);
    requireAccess(actor, 'mentions.read');
    await acknowledgePolicy(db, actor, request.body.version);
    return reply.status(204).send();
  });
  app.get('/api/respond/settings', { schema: { tags, summary: 'What makes a reply high-risk, and who may reply publicly', response: { 200: RiskSettings } } }, async (request) => {
    const actor = actorOf(request);
    requireAccess(actor, 'mentions.read');
    return riskSettingsOf(db, actor.orgId);
  });
  app.patch('/api/respond/settings', { schema: { tags, summary: 'Change the reply settings', body: RiskSettingsPatch, response: { 200: RiskSettings } } },
    async (request) => saveRiskSettings(db, actorOf(request), request.body));
}

function registerLibraryRoutes(app: HerdApp, db: Database): void {
  app.get('/api/reply-library', { schema: { tags, summary: 'Saved replies and holding statements to start from', querystring: LibraryQuery, response: { 200: Type.Object({ items: Type.Array(LibraryEntry) }) } } },
    async (request) => ({ items: await listLibrary(db, actorOf(request), request.query) }));
  app.post('/api/reply-library', { schema: { tags, summary: 'Add a saved reply (PR or spoke lead) or a holding statement (PR lead)', body: LibraryEntryInput, response: { 201: LibraryEntry } } },
    async (request, reply) => reply.status(201).send(await createLibraryEntry(db, actorOf(request), request.body)));
  app.patch('/api/reply-library/:id', { schema: { tags, summary: 'Change a library entry', params: IdParams, body: LibraryEntryPatch, response: { 200: LibraryEntry } } },
    async (request) => updateLibraryEntry(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/reply-library/:id', { schema: { tags, summary: 'Remove a library entry', params: IdParams } }, async (request, reply) => {
    await deleteLibraryEntry(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
}

export function registerRespondRoutes(app: HerdApp, context: ModuleContext): void {
  registerReplyRoutes(app, context.db);
  registerPolicyRoutes(app, context.db);
  registerLibraryRoutes(app, context.db);
}
