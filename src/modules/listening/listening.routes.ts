// HTTP routes for connectors, sources, listening topics and mentions.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { listConnectors } from '../../connectors/index.ts';
import { requireAccess } from '../people/index.ts';
import {
  ConnectorInfo, Mention, MentionQuery, QueryTestInput, Source, SourceInput, SourcePatch, Topic, TopicInput, TopicPatch,
} from './listening.contract.ts';
import { createSource, deleteSource, getSource, listSources, updateSource } from './sources.ts';
import { checkSourceHealth } from './source-health.ts';
import { createTopic, deleteTopic, getTopic, listTopics, updateTopic } from './topics.ts';
import { listMentions } from './mentions.ts';
import { testQuery, QueryTestResult } from './query-test.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function registerListeningRoutes(app: HerdApp, { db, http }: ModuleContext): void {
  app.get('/api/connectors', { schema: { tags: ['listening'], summary: 'The channels Herd can listen to', response: { 200: Type.Object({ items: Type.Array(ConnectorInfo) }) } } },
    async (request) => {
      requireAccess(actorOf(request), 'mentions.read');
      return { items: listConnectors().map(({ kind, displayName, capabilities, configSchema }) => ({ kind, displayName, capabilities, configSchema })) };
    });

  app.get('/api/sources', { schema: { tags: ['listening'], summary: 'Sources with health and mentions per day', response: { 200: Type.Object({ items: Type.Array(Source) }) } } },
    async (request) => ({ items: await listSources(db, actorOf(request)) }));
  app.post('/api/sources', { schema: { tags: ['listening'], summary: 'Add a source', body: SourceInput, response: { 201: Source } } },
    async (request, reply) => reply.status(201).send(await createSource(db, actorOf(request), request.body)));
  app.get('/api/sources/:id', { schema: { tags: ['listening'], summary: 'One source', params: IdParams, response: { 200: Source } } },
    async (request) => getSource(db, actorOf(request), request.params.id));
  app.patch('/api/sources/:id', { schema: { tags: ['listening'], summary: 'Change, pause or resume a source', params: IdParams, body: SourcePatch, response: { 200: Source } } },
    async (request) => updateSource(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/sources/:id', { schema: { tags: ['listening'], summary: 'Remove a source and its mentions', params: IdParams } }, async (request, reply) => {
    await deleteSource(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.post('/api/sources/:id/test', {
    schema: { tags: ['listening'], summary: 'Test the connection of a source', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean(), message: Type.String() }) } },
  }, async (request) => checkSourceHealth(db, http, actorOf(request), request.params.id));

  app.get('/api/topics', { schema: { tags: ['listening'], summary: 'Listening topics', response: { 200: Type.Object({ items: Type.Array(Topic) }) } } },
    async (request) => ({ items: await listTopics(db, actorOf(request)) }));
  app.post('/api/topics', { schema: { tags: ['listening'], summary: 'Add a listening topic (the query is checked)', body: TopicInput, response: { 201: Topic } } },
    async (request, reply) => reply.status(201).send(await createTopic(db, actorOf(request), request.body)));
  app.post('/api/topics/test', { schema: { tags: ['listening'], summary: 'Try a query against recent mentions', body: QueryTestInput, response: { 200: QueryTestResult } } },
    async (request) => testQuery(db, actorOf(request), request.body));
  app.get('/api/topics/:id', { schema: { tags: ['listening'], summary: 'One topic', params: IdParams, response: { 200: Topic } } },
    async (request) => getTopic(db, actorOf(request), request.params.id));
  app.patch('/api/topics/:id', { schema: { tags: ['listening'], summary: 'Change a topic', params: IdParams, body: TopicPatch, response: { 200: Topic } } },
    async (request) => updateTopic(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/topics/:id', { schema: { tags: ['listening'], summary: 'Remove a topic', params: IdParams } }, async (request, reply) => {
    await deleteTopic(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/mentions', {
    schema: { tags: ['listening'], summary: 'Mentions, newest first: filter by topic, source, language, time; full-text search with q', querystring: MentionQuery, response: { 200: Type.Object({ items: Type.Array(Mention), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } },
  }, async (request) => {
    const page = await listMentions(db, actorOf(request), request.query);
    return { items: page.items, nextCursor: page.nextCursor };
  });
}
