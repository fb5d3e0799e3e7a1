import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createSource, ingestPosts, type IngestTarget } from '../listening/index.ts';
import { createOrganization, systemActor, type Actor } from '../people/index.ts';
import { RETAIL_CATEGORIES, RETAIL_HELD_OUT_POSTS, RETAIL_TRAINING_POSTS } from './classifier/retail-posts.fixture.ts';
import { addExamples, createCategory, deleteCategory } from './categories.ts';
import { correctMentionCategory, learnCategories, recordCategoryOutcome } from './category-learning.ts';
import { categoryModelStatus } from './category-accuracy.ts';
import { enrichMentions } from './enrich-mentions.ts';
import { triageOfMentions } from './mention-triage-view.ts';

describeOnEachDatabase('learning categories', (database) => {
  const db = () => database().db;
  let system: Actor;
  let source: IngestTarget;
  const categoryIds = new Map<string, string>();
  const asRole = (role: 'spoke_lead' | 'volunteer'): Actor => ({ ...system, via: 'session', personId: null, roles: [{ role, spokeId: null }] });
  const heldOutOf = (name: string) => RETAIL_HELD_OUT_POSTS.filter((post) => post.label === name).map((post) => post.text);

  before(async () => {
    system = systemActor((await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id);
    for (const name of RETAIL_CATEGORIES.slice(0, 4)) categoryIds.set(name, (await createCategory(db(), system, { name })).id);
    const created = await createSource(db(), system, { kind: 'file', name: 'Import', config: {}, matchMode: 'all' });
    source = { id: created.id, orgId: system.orgId, name: created.name, matchMode: 'all' };
  });

  const triaged = async (texts: string[]) => {
    const ids = (await ingestPosts(db(), source, texts.map((text, i) => ({ externalId: `${Date.now()}-${i}-${Math.random()}`, text })))).mentionIds;
    await enrichMentions(db(), system.orgId, ids);
    const rows = new Map((await triageOfMentions(db(), system, ids)).map((row) => [row.mentionId, row]));
    return ids.map((id) => ({ id, ...rows.get(id)! }));
  };

  it('trains a first model from the examples, then categorizes new mentions with reasons', async () => {
    for (const [name, id] of categoryIds) {
      await addExamples(db(), system, id, RETAIL_TRAINING_POSTS.filter((post) => post.label === name).map((post) => post.text).slice(0, 15));
    }
    const report = await learnCategories(db(), system.orgId);
    assert.deepEqual([report.learned, report.retrained, report.modelVersion], [60, true, 1]);
    const [delivery, billing] = await triaged([heldOutOf('delivery')[0]!, heldOutOf('billing')[0]!]);
    assert.equal(delivery!.category?.id, categoryIds.get('delivery'));
    assert.equal(billing!.category?.id, categoryIds.get('billing'));
    assert.equal(delivery!.category?.decidedBy, 'model');
    assert.ok(delivery!.category!.reasons.length > 0 && delivery!.category!.confidence > 0.25);
  });

  it('learns new examples incrementally, testing the model on them first, and shows accuracy per day', async () => {
    for (const [name, id] of categoryIds) {
      await addExamples(db(), system, id, RETAIL_TRAINING_POSTS.filter((post) => post.label === name).map((post) => post.text).slice(15));
    }
    const report = await learnCategories(db(), system.orgId);
    assert.deepEqual([report.learned, report.retrained, report.modelVersion, report.tested], [20, false, 2, 20]);
    assert.ok(report.correct >= 12, `the model already knew most of them: ${report.correct}/20`);
    const status = await categoryModelStatus(db(), system);
    assert.equal(status.model?.version, 2);
    assert.equal(status.model?.examples, 80);
    const [today] = status.accuracyByDay;
    assert.deepEqual([today!.tested, today!.correct, today!.accuracy], [20, report.correct, report.correct / 20]);
    assert.deepEqual(await learnCategories(db(), system.orgId), { learned: 0, retrained: false, modelVersion: 2, tested: 0, correct: 0 }, 'nothing new, nothing done');
  });

  it('takes a person\'s correction at once, keeps it through re-triage, and learns from it', async () => {
    const [mention] = await triaged(['The app crashed while I was paying and now I am charged twice']);
    await assert.rejects(correctMentionCategory(db(), asRole('volunteer'), mention!.id, categoryIds.get('delivery')!), /FORBIDDEN|triage.label/);
    await correctMentionCategory(db(), asRole('spoke_lead'), mention!.id, categoryIds.get('product defect')!);
    const after = async () => (await triageOfMentions(db(), system, [mention!.id]))[0]!;
    assert.deepEqual([(await after()).category?.id, (await after()).category?.decidedBy], [categoryIds.get('product defect'), 'person']);
    await enrichMentions(db(), system.orgId, [mention!.id]);
    assert.equal((await after()).category?.decidedBy, 'person', 're-triage keeps the person\'s category');
    await recordCategoryOutcome(db(), system.orgId, mention!.id, categoryIds.get('billing')!, 'resolved');
    const examples = ((await db().execute(sql`select origin, category_id from category_examples where mention_id = ${mention!.id}`)) as unknown as { rows: { origin: string; category_id: string }[] }).rows;
    assert.deepEqual(examples, [{ origin: 'corrected', category_id: categoryIds.get('product defect') }], 'an outcome does not override a person');
    assert.equal((await learnCategories(db(), system.orgId)).learned, 1);
  });

  it('learns an outcome label, and forgets a deleted category', async () => {
    const [mention] = await triaged(['Do you have any part time jobs at the Leeds store?']);
    await recordCategoryOutcome(db(), system.orgId, mention!.id, categoryIds.get('store experience')!, 'rerouted');
    assert.equal((await learnCategories(db(), system.orgId)).learned, 1);
    await deleteCategory(db(), system, categoryIds.get('store experience')!);
    await learnCategories(db(), system.orgId);
    const [again] = await triaged(heldOutOf('store experience'));
    assert.notEqual(again!.category?.id, categoryIds.get('store experience'));
  });
});
