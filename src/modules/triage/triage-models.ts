// Each organization's triage models (the category classifier, keyword rules, store
// places), kept per process and reloaded only when one of them changed: a fingerprint
// query tells, as for the listening matcher.
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { listStorePlaces } from '../people/index.ts';
import { TextClassifier, type SerializedClassifier } from './classifier/index.ts';
import { PlaceMatcher } from './place-matcher.ts';
import { categories, categoryModels } from './triage.schema.ts';
import type { TriageModels } from './triage-post.ts';

const modelsByOrg = new Map<string, { fingerprint: string; models: TriageModels }>();

type StorePlaces = Awaited<ReturnType<typeof listStorePlaces>>;

async function fingerprintOf(db: Database, orgId: string, stores: StorePlaces): Promise<string> {
  const [row] = await db.select({
    modelVersion: sql<string>`(select version::text from ${categoryModels} where ${categoryModels.orgId} = ${orgId})`,
    categories: sql<string>`count(*) || '@' || coalesce(max(${categories.updatedAt})::text, '')`,
  }).from(categories).where(eq(categories.orgId, orgId));
  const storesChanged = Math.max(0, ...stores.map((store) => store.updatedAt.getTime()));
  return `${row?.modelVersion ?? 'none'}|${row?.categories ?? ''}|${stores.length}@${storesChanged}`;
}

async function loadModels(db: Database, orgId: string, stores: StorePlaces): Promise<TriageModels> {
  const [stored] = await db.select().from(categoryModels).where(eq(categoryModels.orgId, orgId));
  const all = await db.select({ id: categories.id, name: categories.name, keywords: categories.keywords }).from(categories)
    .where(eq(categories.orgId, orgId)).orderBy(asc(categories.position), asc(categories.name));
  return {
    category: stored ? TextClassifier.fromJSON(stored.model as SerializedClassifier) : null,
    keywordRules: all.filter((rule) => rule.keywords.length > 0).map((rule) => ({ label: rule.id, anyOf: rule.keywords })),
    categoryNames: new Map(all.map((category) => [category.id, category.name])),
    places: stores.length > 0 ? new PlaceMatcher(stores) : null,
  };
}

export async function triageModelsFor(db: Database, orgId: string): Promise<TriageModels> {
  const stores = await listStorePlaces(db, orgId);
  const fingerprint = await fingerprintOf(db, orgId, stores);
  const cached = modelsByOrg.get(orgId);
  if (cached?.fingerprint === fingerprint) return cached.models;
  const models = await loadModels(db, orgId, stores);
  modelsByOrg.set(orgId, { fingerprint, models });
  return models;
}
