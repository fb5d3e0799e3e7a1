// What triage tells the modules above it: these mentions now carry their verdicts.
// The event carries what routing decides on (the mention as triaged), so the next
// step of the pipeline starts without reading it all back.
import { Type, type Static } from 'typebox';
import { defineEvent } from '../../jobs/index.ts';
import { sentimentLabels } from './triage.schema.ts';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);

export const TriagedMention = Type.Object({
  id: Type.String({ format: 'uuid' }),
  conversationId: Type.String({ format: 'uuid' }),
  sourceId: Type.String({ format: 'uuid' }),
  /** Arrival order in the organization (listening's seq). */
  seq: Type.Integer(),
  title: Nullable(Type.String()),
  text: Type.String(),
  authorHandle: Nullable(Type.String()),
  authorFollowers: Nullable(Type.Integer()),
  postedAt: Type.String({ format: 'date-time' }),
  topicIds: Type.Array(Type.String()),
  language: Nullable(Type.String()),
  sentiment: Type.Enum(sentimentLabels),
  categoryId: Nullable(Type.String()),
  categoryName: Nullable(Type.String()),
  urgency: Type.Number(),
  placeSpokeId: Nullable(Type.String()),
  spam: Type.Boolean(),
});
export type TriagedMention = Static<typeof TriagedMention>;

export const mentionsTriaged = defineEvent('triage.mentions-triaged', Type.Object({ mentions: Type.Array(TriagedMention) }));
