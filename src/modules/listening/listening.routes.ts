// HTTP routes for connectors, sources, listening topics and mentions.
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { listConnectors } from '../../connectors/index.ts';
import { requireAccess } from '../people/index.ts';
import {
  ConnectorInfo, Mention, MentionQuery, QueryTestInput, Source, SourceInput, SourcePatch, Topic, TopicInput, TopicPatch, WebhookHeaders, WebhookReport, ImportQuery, ImportSummary,
} from './listening.contract.ts';
import { fileSourceForUpload, importMentionsFile, parseColumnMap, type ImportFormat } from './file-import.ts';
import { sendWithProgress, wantsProgress } from '../../server/progress-response.ts';
import { AppError } from '../../errors.ts';
import { receiveWebhook, ReplayGuard, WEBHOOK_BODY_LIMIT_BYTES } from './webhook-ingest.ts';
import { createSource, deleteSource, getSource, listSources, updateSource } from './sources.ts';
import { checkSourceHealth } from './source-health.ts';
import { createTopic, deleteTopic, getTopic, listTopics, updateTopic } from './topics.ts';
import { listMentions } from './mentions.ts';
import { testQuery, QueryTestResult } from './query-test.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** CSV or JSON Lines, by the upload's content type. */
function importFormatOf(contentType: string | undefined, body: unknown): ImportFormat {
  const type = String(contentType ?? '').split(';')[0]!.trim();
  if (typeof body !== 'string' || !['text/csv', 'application/x-ndjson', 'application/jsonl'].includes(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv or application/x-ndjson.');
  }
  return type === 'text/csv' ? 'csv' : 'jsonl';
}

export function registerListeningRoutes(app: HerdApp, { db, http, config }: ModuleContext): void {
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
  app.post('/api/sources/:id/import', {
    bodyLimit: config.importLimitBytes,
    schema: {
      tags: ['listening'], summary: 'Import mentions into a file source: body text/csv or application/x-ndjson, with a report per row',
      description: 'With `Accept: application/x-ndjson` the answer streams one `{"progress":{"done","total"}}` line per batch of rows, then `{"result": <summary>}` or `{"status", "error"}`.',
      params: IdParams, querystring: ImportQuery, response: { 200: ImportSummary },
    },
  }, async (request, reply) => {
    const format = importFormatOf(request.headers['content-type'], request.body);
    const source = await fileSourceForUpload(db, actorOf(request), request.params.id);
    const options = { format, map: parseColumnMap(request.query.map ?? []) };
    const content = request.body as string;
    if (!wantsProgress(request)) return importMentionsFile(db, source, content, options);
    return sendWithProgress(request, reply, (onProgress) => importMentionsFile(db, source, content, { ...options, onProgress }));
  });

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

  // Webhook pushes are signed rather than signed in, and the signature covers the raw
  // bytes: so this one route, in its own scope, receives JSON unparsed.
  const replays = new ReplayGuard();
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/api/ingest/:sourceId', {
      config: { public: true },
      bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
      schema: {
        tags: ['listening'], summary: 'Push mentions to a webhook source, signed with its secret (docs/webhook-ingest.md)', security: [],
        params: Type.Object({ sourceId: Type.String({ format: 'uuid' }) }), headers: WebhookHeaders, response: { 200: WebhookReport },
      },
    }, async (request) => receiveWebhook(db, replays, request.params.sourceId, {
      timestamp: request.headers['x-herd-timestamp'], signature: request.headers['x-herd-signature'],
    }, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)));
  });
}
