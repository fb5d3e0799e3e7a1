// How the category model learns: from examples people type in or import, from a
// person correcting a mention's category, and from outcomes routing reports (a
// conversation resolved by a spoke, or re-routed). Labels are gathered for a few
// seconds, then one job per organization learns them incrementally; each new example
// is first predicted by the model as it was, which is how accuracy is tracked over time.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Database } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { defineJob, enqueueJob } from '../../jobs/index.ts';
import { mentionsForEnrichment } from '../listening/index.ts';
import { recordAudit, requireAccess, type Actor } from '../people/index.ts';
import { createClassifier, TextClassifier, type LabeledText, type SerializedClassifier } from './classifier/index.ts';
import { categories, categoryAccuracy, categoryExamples, categoryModels, mentionTriage } from './triage.schema.ts';

/** Labels arriving within this window are learned together. */
const LEARNING_DELAY_MS = 5_000;
/** More new examples than this at once (an import) and the model is trained afresh. */
const RETRAIN_ABOVE = 2_000;

export const learnCategoriesJob = defineJob({
  kind: 'triage.learn-categories',
  payload: Type.Object({ retrain: Type.Optional(Type.Boolean()) }),
  handle: async ({ retrain }, { db, orgId }) => { await learnCategories(db, orgId!, { retrain }); },
});

/** Enqueues learning for the organization at the end of the current window (once per window). */
export async function scheduleCategoryLearning(db: Database, orgId: string, options: { retrain?: boolean } = {}): Promise<void> {
  const windowEnd = Math.ceil((Date.now() + 1) / LEARNING_DELAY_MS) * LEARNING_DELAY_MS;
  await enqueueJob(db, learnCategoriesJob, { retrain: options.retrain ?? false }, {
    orgId, runAt: new Date(windowEnd), key: `triage.learn-categories:${orgId}:${windowEnd}${options.retrain ? ':retrain' : ''}`,
  });
}

async function loadModel(db: Database, orgId: string): Promise<{ model: TextClassifier | null; version: number }> {
  const [stored] = await db.select().from(categoryModels).where(eq(categoryModels.orgId, orgId));
  return stored ? { model: TextClassifier.fromJSON(stored.model as SerializedClassifier), version: stored.version } : { model: null, version: 0 };
}

async function allExamples(db: Database, orgId: string): Promise<(LabeledText & { id: string })[]> {
  return db.select({ id: categoryExamples.id, text: categoryExamples.text, label: categoryExamples.categoryId })
    .from(categoryExamples).where(eq(categoryExamples.orgId, orgId)).orderBy(asc(categoryExamples.createdAt));
}

/** How many of the new examples the model, before learning them, already got right. */
function progressiveTest(model: TextClassifier | null, examples: readonly LabeledText[]): { tested: number; correct: number } {
  if (!model || model.labels.length < 2) return { tested: 0, correct: 0 };
  const testable = examples.filter((example) => model.labels.includes(example.label));
  const correct = testable.filter((example) => model.predict(example.text, { explain: false }).label === example.label).length;
  return { tested: testable.length, correct };
}

export interface LearningReport { learned: number; retrained: boolean; modelVersion: number; tested: number; correct: number }

export async function learnCategories(db: Database, orgId: string, options: { retrain?: boolean } = {}): Promise<LearningReport> {
  return db.transaction(async (tx) => {
    // One learner per organization at a time; a second waits and then finds nothing new.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`triage.learn:${orgId}`}))`);
    const labels = new Set((await tx.select({ id: categories.id }).from(categories).where(eq(categories.orgId, orgId))).map((row) => row.id));
    const fresh = await tx.select({ id: categoryExamples.id, text: categoryExamples.text, label: categoryExamples.categoryId })
      .from(categoryExamples).where(and(eq(categoryExamples.orgId, orgId), isNull(categoryExamples.learnedAt))).orderBy(asc(categoryExamples.createdAt));
    let { model, version } = await loadModel(tx, orgId);
    const forgotten = model?.labels.filter((label) => !labels.has(label)) ?? [];
    if (fresh.length === 0 && forgotten.length === 0 && !options.retrain) return { learned: 0, retrained: false, modelVersion: version, tested: 0, correct: 0 };

    for (const label of forgotten) model!.removeLabel(label);
    const { tested, correct } = progressiveTest(model, fresh);
    const retrained = !model || options.retrain === true || fresh.length > RETRAIN_ABOVE;
    if (retrained) {
      model = createClassifier();
      model.retrain(await allExamples(tx, orgId));
    } else if (fresh.length > 0) {
      model!.learn(fresh);
    }
    version += 1;
    const examples = Object.values(model!.labelCounts).reduce((sum, n) => sum + n, 0);
    await tx.insert(categoryModels).values({ orgId, version, model: model!.toJSON(), examples, trainedAt: new Date() })
      .onConflictDoUpdate({ target: categoryModels.orgId, set: { version, model: model!.toJSON(), examples, trainedAt: new Date() } });
    if (tested > 0) await tx.insert(categoryAccuracy).values({ orgId, modelVersion: version - 1, examples, tested, correct });
    if (fresh.length > 0) await tx.update(categoryExamples).set({ learnedAt: new Date() }).where(inArray(categoryExamples.id, fresh.map((example) => example.id)));
    return { learned: fresh.length, retrained, modelVersion: version, tested, correct };
  });
}

type OutcomeOrigin = 'corrected' | 'resolved' | 'rerouted';

/** Makes the mention an example of the category; a person's correction is not overridden by an outcome. */
async function labelFromMention(db: Database, orgId: string, mentionId: string, categoryId: string, origin: OutcomeOrigin, createdBy: string | null): Promise<boolean> {
  const [mention] = await mentionsForEnrichment(db, orgId, [mentionId]);
  if (!mention) throw notFound('Mention');
  const [category] = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.id, categoryId), eq(categories.orgId, orgId)));
  if (!category) throw notFound('Category');
  const text = mention.title ? `${mention.title}\n${mention.text}` : mention.text;
  const saved = await db.insert(categoryExamples).values({ orgId, categoryId, mentionId, text, origin, createdBy })
    .onConflictDoUpdate({
      target: [categoryExamples.orgId, categoryExamples.mentionId],
      set: { categoryId, origin, createdBy, createdAt: new Date(), learnedAt: null },
      setWhere: origin === 'corrected' ? undefined : sql`${categoryExamples.origin} <> 'corrected'`,
    }).returning({ id: categoryExamples.id });
  return saved.length > 0;
}

/** A person says which category a mention belongs to: it is shown at once and learned shortly. */
export async function correctMentionCategory(db: Database, actor: Actor, mentionId: string, categoryId: string): Promise<void> {
  requireAccess(actor, 'triage.label');
  await db.transaction(async (tx) => {
    await labelFromMention(tx, actor.orgId, mentionId, categoryId, 'corrected', actor.personId);
    await tx.update(mentionTriage).set({ categoryId, categoryConfidence: 1, categoryReasons: [], categoryDecidedBy: 'person' })
      .where(and(eq(mentionTriage.mentionId, mentionId), eq(mentionTriage.orgId, actor.orgId)));
    await recordAudit(tx, actor, { action: 'mention.categorize', targetType: 'mention', targetId: mentionId, after: { categoryId } });
    await scheduleCategoryLearning(tx, actor.orgId);
  });
}

/** What routing reports when a conversation is resolved by a spoke or re-routed: a label learned from the outcome. */
export async function recordCategoryOutcome(db: Database, orgId: string, mentionId: string, categoryId: string, origin: 'resolved' | 'rerouted'): Promise<void> {
  await db.transaction(async (tx) => {
    if (await labelFromMention(tx, orgId, mentionId, categoryId, origin, null)) await scheduleCategoryLearning(tx, orgId);
  });
}
