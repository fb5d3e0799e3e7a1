// What routing tells the modules above it of a conversation's life, and what they read
// back to measure it (insights): routed (opened), answered (a reply went out), and each
// change of status. The milestones are published in the transaction that writes them on
// the timeline, so a measure is taken exactly when the change is real; the measures of
// a conversation (when it was opened, answered and resolved, against which SLA dues)
// are read from its state, as routing keeps it.
import { and, eq, sql } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import type { Database } from '../../../db/index.ts';
import { defineEvent, publishEvent } from '../../../jobs/index.ts';
import { conversationStates, conversationStatuses, type conversationEvents } from '../routing.schema.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const milestoneKinds = ['routed', 'replied', 'status'] as const;

export const ConversationMilestone = Type.Object({
  conversationId: Type.String({ format: 'uuid' }),
  kind: Type.Enum(milestoneKinds),
  at: Type.String({ format: 'date-time' }),
  /** Who: the author of a reply, the person who changed the status; null for the system. */
  personId: Nullable(Type.String({ format: 'uuid' })),
  /** `replied`: the reply that went out. */
  replyId: Nullable(Type.String()),
  /** `status`: the status it changed to. */
  status: Type.Union([Type.Enum(conversationStatuses), Type.Null()]),
});
export type ConversationMilestone = Static<typeof ConversationMilestone>;

export const conversationMilestones = defineEvent('routing.conversation-milestones', Type.Object({ milestones: Type.Array(ConversationMilestone) }));

type TimelineRow = typeof conversationEvents.$inferInsert;
const isMilestone = (row: TimelineRow): row is TimelineRow & { kind: (typeof milestoneKinds)[number] } => (milestoneKinds as readonly string[]).includes(row.kind);

/** Publishes the milestones among timeline rows just written, one event per organization, in the caller's transaction. */
export async function publishMilestones(db: Database, rows: readonly TimelineRow[]): Promise<void> {
  const at = new Date().toISOString();
  const byOrg = new Map<string, ConversationMilestone[]>();
  for (const row of rows.filter(isMilestone)) {
    const details = row.details ?? {};
    byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), {
      conversationId: row.conversationId, kind: row.kind, at, personId: row.actorPersonId ?? null,
      replyId: row.kind === 'replied' && typeof details.replyId === 'string' ? details.replyId : null,
      status: row.kind === 'status' ? details.to as (typeof conversationStatuses)[number] : null,
    }]);
  }
  for (const [orgId, milestones] of byOrg) await publishEvent(db, conversationMilestones, { milestones }, { orgId });
}

export interface ConversationMeasures {
  conversationId: string;
  /** Null: the hub's queue. */
  spokeId: string | null;
  /** When routing opened it: the SLA clocks start here. */
  openedAt: Date;
  firstRespondedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolvedAt: Date | null;
  resolutionDueAt: Date | null;
}

/** The measures of conversations of the organization, as routing keeps them now (missing ids are left out). */
export async function conversationMeasuresOf(db: Database, orgId: string, conversationIds: readonly string[]): Promise<ConversationMeasures[]> {
  if (conversationIds.length === 0) return [];
  return db.select({
    conversationId: conversationStates.conversationId, spokeId: conversationStates.spokeId, openedAt: conversationStates.createdAt,
    firstRespondedAt: conversationStates.firstRespondedAt, firstResponseDueAt: conversationStates.firstResponseDueAt,
    resolvedAt: conversationStates.resolvedAt, resolutionDueAt: conversationStates.resolutionDueAt,
  // The ids as one jsonb parameter (a routed batch names thousands, too many to bind one by one), as an
  // array so the plan looks each up by key whatever the planner guesses of the table.
  }).from(conversationStates).where(and(eq(conversationStates.orgId, orgId),
    sql`${conversationStates.conversationId} = any(array(select value::uuid from jsonb_array_elements_text(${JSON.stringify(conversationIds)}::jsonb)))`));
}
