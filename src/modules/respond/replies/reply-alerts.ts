// Who hears about a reply's progress: approvers when one waits for them, the author
// when it is decided, published or stuck. In the app (live) and as each person prefers.
import type { Database } from '../../../db/index.ts';
import { leadsOf } from '../../people/index.ts';
import { tellAboutConversation, type ConversationState } from '../../routing/index.ts';
import type { ReplyRow } from './reply-views.ts';

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** The spoke's leads and the organization's PR leads and hub admins. */
export async function approversOf(db: Database, state: ConversationState): Promise<string[]> {
  const [spokeLeads, hub] = await Promise.all([state.spokeId ? leadsOf(db, state.orgId, state.spokeId) : Promise.resolve([]), leadsOf(db, state.orgId, null)]);
  return [...new Set([...spokeLeads, ...hub].map((lead) => lead.personId))];
}

export async function askForApproval(db: Database, state: ConversationState, reply: ReplyRow, authorName: string): Promise<void> {
  const approvers = (await approversOf(db, state)).filter((id) => id !== reply.authorId);
  await tellAboutConversation(db, state, approvers, {
    kind: 'reply_approval', title: `${authorName} asks you to approve a reply`, body: `${reply.riskReasons.join('; ')}\n\n${excerpt(reply.text)}`,
  });
}

export async function tellAuthor(db: Database, state: ConversationState, reply: ReplyRow, title: string, body = ''): Promise<void> {
  await tellAboutConversation(db, state, [reply.authorId], { kind: 'reply_status', title, body: body || excerpt(reply.text) });
}
