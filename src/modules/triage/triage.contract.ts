// The shapes of the triage module's HTTP API.
import { Type, type Static } from 'typebox';
import { categoryDeciders, exampleOrigins, sentimentLabels } from './triage.schema.ts';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Weighted = Type.Object({ term: Type.String(), weight: Type.Number() });
const Keywords = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, description: 'Words or phrases that decide this category whatever the model says' });

export const CategoryInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  keywords: Type.Optional(Keywords),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
});
export const CategoryPatch = Type.Partial(CategoryInput);
export const Category = Type.Object({
  id: Id, name: Type.String(), description: Nullable(Type.String()), keywords: Type.Array(Type.String()), position: Type.Integer(),
  examples: Type.Integer(), createdAt: Timestamp, updatedAt: Timestamp,
});

export const ExamplesInput = Type.Object({ texts: Type.Array(Type.String({ minLength: 1, maxLength: 10_000 }), { minItems: 1, maxItems: 5000 }) });
export const Example = Type.Object({
  id: Id, text: Type.String(), origin: Type.Enum(exampleOrigins), mentionId: Type.Union([Id, Type.Null()]), createdAt: Timestamp, learnedAt: NullableTimestamp,
});
export const ExampleQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const MentionCategoryInput = Type.Object({ categoryId: Id });
export const TriageQuery = Type.Object({ mentionIds: Type.Array(Id, { minItems: 1, maxItems: 200 }) });

export const MentionTriage = Type.Object({
  mentionId: Id,
  language: Nullable(Type.String()), languageConfidence: Type.Number(),
  sentiment: Type.Object({ label: Type.Enum(sentimentLabels), score: Type.Number(), confidence: Type.Number(), reasons: Type.Array(Weighted) }),
  category: Type.Union([Type.Object({
    id: Id, name: Type.String(), confidence: Type.Number(), reasons: Type.Array(Weighted), decidedBy: Type.Enum(categoryDeciders),
  }), Type.Null()]),
  urgency: Type.Object({ score: Type.Integer(), reasons: Type.Array(Type.String()) }),
  place: Type.Union([Type.Object({ spokeId: Id, name: Type.String(), matched: Type.String(), confidence: Type.Number() }), Type.Null()]),
  spam: Type.Object({ spam: Type.Boolean(), reasons: Type.Array(Type.String()) }),
  duplicates: Type.Union([Type.Object({ firstMentionId: Id, groupSize: Type.Integer() }), Type.Null()]),
  triagedAt: Timestamp,
});

export const CategoryModelStatus = Type.Object({
  model: Type.Union([Type.Object({ version: Type.Integer(), examples: Type.Integer(), trainedAt: Timestamp }), Type.Null()]),
  accuracyByDay: Type.Array(Type.Object({
    day: Type.String(), tested: Type.Integer(), correct: Type.Integer(), examples: Type.Integer(), accuracy: Type.Union([Type.Number(), Type.Null()]),
  })),
});

export type CategoryInput = Static<typeof CategoryInput>;
