// The public routes of the company's aggregate voice, by organization slug, without
// sign-in: the HTML page (`?before=` pages back), the Atom feed and the JSON Feed.
// They exist only while the organization switched them on (settings.publicVoice); an
// unknown organization and one that did not opt in answer the same 404, so the routes
// cannot be used to learn which organizations use Herd. Answers may be cached for a
// minute and are validated by their ETag.
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import type { Database } from '../../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { invalid, notFound } from '../../../errors.ts';
import { findOrganizationBySlug } from '../../people/index.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { voiceItems, type VoicePosition } from './voice-items.ts';
import type { VoiceDocument } from './voice-document.ts';
import { VOICE_PAGE_POLICY, voicePage } from './voice-page.ts';
import { atomFeed, jsonFeed } from './voice-feeds.ts';

const SlugParams = Type.Object({ orgSlug: Type.String({ maxLength: 100 }) });
const PageQuery = Type.Object({ before: Type.Optional(Type.String({ maxLength: 200, description: 'where the previous page ended (its "Older" link)' })) });
const tags = ['advocacy'];
const PAGE_ITEMS = 20;
const FEED_ITEMS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organization's voice, or the same 404 whether the organization is unknown or did not opt in. */
async function voiceOf(db: Database, slug: string) {
  const organization = await findOrganizationBySlug(db, slug);
  const settings = organization ? await advocacySettingsOf(db, organization.id) : undefined;
  if (!organization || !settings?.publicVoice.enabled) throw notFound('This page');
  return { organization, title: settings.publicVoice.title };
}

function positionOf(before: string | undefined): VoicePosition | undefined {
  if (before === undefined) return undefined;
  const [at, id] = decodeCursor(before, 2);
  const position = { at: new Date(String(at)), id: String(id) };
  if (Number.isNaN(position.at.getTime()) || !UUID.test(position.id)) throw invalid([{ field: 'query.before', message: 'is not a position this page gave out' }]);
  return position;
}

async function documentOf(db: Database, publicUrl: string, slug: string, limit: number, before?: string): Promise<VoiceDocument> {
  const { organization, title } = await voiceOf(db, slug);
  const { items, next } = await voiceItems(db, organization.id, { limit, before: positionOf(before) });
  const page = new URL(`/voice/${encodeURIComponent(organization.slug)}`, publicUrl).href;
  return {
    orgName: organization.name, title, description: `What the people of ${organization.name} published through Herd: their replies and the stories they shared.`,
    urls: { page, atom: `${page}/feed.atom`, json: `${page}/feed.json` },
    items, updated: items[0]?.publishedAt ?? organization.createdAt,
    older: next ? `${page}?before=${encodeCursor([next.at.toISOString(), next.id])}` : null,
  };
}

/** Sends a document that caches may keep a minute and then revalidate: 304 when the client holds this very body. */
function sendCached(request: FastifyRequest, reply: FastifyReply, contentType: string, body: string, updated: Date) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  reply.header('cache-control', 'public, max-age=60').header('etag', etag).header('last-modified', updated.toUTCString());
  const held = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (held.includes(etag)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}

export function registerVoiceRoutes(app: HerdApp, { db, config }: ModuleContext): void {
  const notFoundResponse = { 404: Type.Ref('ErrorBody') };
  app.get('/voice/:orgSlug', {
    config: { public: true },
    schema: { tags, summary: 'The public page of what the organization\'s people published through Herd (HTML; only when it opted in)', params: SlugParams, querystring: PageQuery, response: notFoundResponse },
  }, async (request, reply) => {
    const document = await documentOf(db, config.publicUrl, request.params.orgSlug, PAGE_ITEMS, request.query.before);
    reply.header('content-security-policy', VOICE_PAGE_POLICY);
    return sendCached(request, reply, 'text/html; charset=utf-8', voicePage(document), document.updated);
  });
  const feeds = [
    { path: 'feed.atom', summary: 'The same as an Atom 1.0 feed: the newest 50 items', contentType: 'application/atom+xml; charset=utf-8', render: atomFeed },
    { path: 'feed.json', summary: 'The same as a JSON Feed 1.1: the newest 50 items', contentType: 'application/feed+json; charset=utf-8', render: jsonFeed },
  ];
  for (const feed of feeds) {
    app.get(`/voice/:orgSlug/${feed.path}`, { config: { public: true }, schema: { tags, summary: feed.summary, params: SlugParams, response: notFoundResponse } }, async (request, reply) => {
      const document = await documentOf(db, config.publicUrl, request.params.orgSlug, FEED_ITEMS);
      return sendCached(request, reply, feed.contentType, feed.render(document), document.updated);
    });
  }
}
