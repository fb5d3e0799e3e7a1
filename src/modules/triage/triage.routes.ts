// HTTP routes for categories, their examples, correcting a mention's category, the
// triage of mentions, and how the category model is doing.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { requireAccess } from '../people/index.ts';
import { Category, CategoryInput, CategoryModelStatus, CategoryPatch, Example, ExampleQuery, ExamplesInput, MentionCategoryInput, MentionTriage, TriageQuery } from './triage.contract.ts';
import { addExamples, createCategory, deleteCategory, deleteExample, listCategories, listExamples, updateCategory } from './categories.ts';
import { correctMentionCategory, scheduleCategoryLearning } from './category-learning.ts';
import { triageOfMentions } from './mention-triage-view.ts';
import { categoryModelStatus } from './category-accuracy.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['triage'];

export function registerTriageRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.get('/api/categories', { schema: { tags, summary: 'Categories, with how many examples each has', response: { 200: Type.Object({ items: Type.Array(Category) }) } } },
    async (request) => ({ items: await listCategories(db, actorOf(request)) }));
  app.post('/api/categories', { schema: { tags, summary: 'Add a category', body: CategoryInput, response: { 201: Category } } },
    async (request, reply) => reply.status(201).send(await createCategory(db, actorOf(request), request.body)));
  app.patch('/api/categories/:id', { schema: { tags, summary: 'Rename a category, change its keywords or order', params: IdParams, body: CategoryPatch, response: { 200: Category } } },
    async (request) => updateCategory(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/categories/:id', { schema: { tags, summary: 'Remove a category and its examples', params: IdParams } }, async (request, reply) => {
    await deleteCategory(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.get('/api/categories/:id/examples', {
    schema: { tags, summary: 'The labeled examples of a category, newest first', params: IdParams, querystring: ExampleQuery, response: { 200: Type.Object({ items: Type.Array(Example), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } },
  }, async (request) => listExamples(db, actorOf(request), request.params.id, request.query));
  app.post('/api/categories/:id/examples', {
    schema: { tags, summary: 'Add examples to a category; the model learns them within seconds', params: IdParams, body: ExamplesInput, response: { 200: Type.Object({ added: Type.Integer() }) } },
  }, async (request) => addExamples(db, actorOf(request), request.params.id, request.body.texts));
  app.delete('/api/category-examples/:id', { schema: { tags, summary: 'Remove an example', params: IdParams } }, async (request, reply) => {
    await deleteExample(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.post('/api/categories/retrain', { schema: { tags, summary: 'Train the category model afresh from every example', response: { 202: Type.Object({ scheduled: Type.Boolean() }) } } },
    async (request, reply) => {
      const actor = actorOf(request);
      requireAccess(actor, 'triage.manage');
      await scheduleCategoryLearning(db, actor.orgId, { retrain: true });
      return reply.status(202).send({ scheduled: true });
    });
  app.get('/api/categories/model', { schema: { tags, summary: 'The category model and its accuracy per day', response: { 200: CategoryModelStatus } } },
    async (request) => categoryModelStatus(db, actorOf(request)));

  app.put('/api/mentions/:id/category', {
    schema: { tags, summary: 'Say which category a mention belongs to (a label the model learns from)', params: IdParams, body: MentionCategoryInput },
  }, async (request, reply) => {
    await correctMentionCategory(db, actorOf(request), request.params.id, request.body.categoryId);
    return reply.status(204).send();
  });
  app.get('/api/triage', { schema: { tags, summary: 'The triage of the given mentions', querystring: TriageQuery, response: { 200: Type.Object({ items: Type.Array(MentionTriage) }) } } },
    async (request) => ({ items: await triageOfMentions(db, actorOf(request), request.query.mentionIds) }));
}
