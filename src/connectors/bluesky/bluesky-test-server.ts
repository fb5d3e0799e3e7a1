// A local Bluesky for tests (node:http + ws on 127.0.0.1, a free port): an AppView
// answering app.bsky.feed.searchPosts and getAuthorFeed with realistic PostView JSON,
// XRPC error bodies and ratelimit-* headers, app.bsky.actor.getProfile (as the PDS
// proxies it for a signed-in account), a PDS for the publishing account
// (bluesky-test-pds.ts), scripted failures and hanging requests, and a Jetstream
// /subscribe endpoint that replays from a time_us cursor, honours wantedCollections and
// can drop mid-stream.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { JetstreamEvent, PostRecord, PostView } from './bluesky-post.ts';
import { APP_PASSWORD, createTestPds, type PdsRecord } from './bluesky-test-pds.ts';

export { APP_PASSWORD };

export const testNow = new Date('2025-06-11T12:00:00Z');
/** The ratelimit-reset the scripted 429 sends (unix seconds): 120 s after testNow. */
export const rateLimitReset = Math.floor(testNow.getTime() / 1000) + 120;

export const acme = { did: 'did:plc:acme4outdoor7x2k5q', handle: 'acme-outdoor.com', displayName: 'Acme Outdoor', avatar: 'https://cdn.bsky.app/img/avatar/plain/did:plc:acme4outdoor7x2k5q/bafkreiacme@jpeg' };
export const hiker = { did: 'did:plc:trailmixjo3vd9w1', handle: 'trailmix.bsky.social', displayName: 'Jo' };

let tick = 0;
export function makePostView(author: { did: string; handle: string; displayName?: string }, rkey: string, record: Omit<PostRecord, '$type' | 'createdAt'> & { createdAt?: string }): PostView {
  tick += 1;
  const at = new Date(Date.parse('2025-06-11T10:00:00.000Z') + tick * 60_000);
  return {
    uri: `at://${author.did}/app.bsky.feed.post/${rkey}`,
    cid: `bafyreib${rkey}cid`,
    author: { ...author, labels: [], createdAt: '2023-05-01T00:00:00.000Z' } as PostView['author'],
    record: { $type: 'app.bsky.feed.post', createdAt: at.toISOString(), ...record },
    replyCount: 0,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: new Date(at.getTime() + 800).toISOString(),
    labels: [],
  } as PostView;
}

/** The posts the AppView starts with, oldest first. */
export function initialPosts(): PostView[] {
  const first = makePostView(hiker, '3lqa2b7xk4s2a', { text: 'Three days on the ridge and the @acme-outdoor.com tent held up in 60 km/h gusts. Zipper is stiff though.', langs: ['en'] });
  return [
    first,
    makePostView(acme, '3lqa2c9mmn22b', { text: 'Thanks for the feedback! New zippers ship in July.', langs: ['en-US'], reply: { root: { uri: first.uri, cid: first.cid }, parent: { uri: first.uri, cid: first.cid } } }),
    makePostView(hiker, '3lqa2dkq3oc2c', { text: 'Kurzer Test des Acme Summit 2:   leicht und   dicht.', langs: ['de'] }),
    makePostView(acme, '3lqa2ewt6rk2d', { text: 'Spring sale: 20% off all Acme backpacks this week.' }),
  ];
}

/** Jetstream events, in time_us order: post creates (some about Acme), a like, an identity event, an update and a delete. */
export function initialEvents(): JetstreamEvent[] {
  let timeUs = 1_749_636_000_000_000; // 2025-06-11T10:00:00Z
  const next = () => (timeUs += 250_000);
  const create = (did: string, rkey: string, text: string, extra: Partial<PostRecord> = {}): JetstreamEvent => ({
    did, time_us: next(), kind: 'commit',
    commit: { rev: `3lqa${rkey}rev`, operation: 'create', collection: 'app.bsky.feed.post', rkey, record: { $type: 'app.bsky.feed.post', createdAt: new Date(Math.floor(timeUs / 1000) - 400).toISOString(), langs: ['en'], text, ...extra }, cid: `bafyrei${rkey}` },
  });
  return [
    create(hiker.did, '3lqb0000000a1', 'My acme stove finally died after 6 years.'),
    create('did:plc:someone0else00001', '3lqb0000000a2', 'Lunch was great today.'),
    { did: hiker.did, time_us: next(), kind: 'commit', commit: { rev: 'r1', operation: 'create', collection: 'app.bsky.feed.like', rkey: '3lqb0000000l1', record: { $type: 'app.bsky.feed.like' } as PostRecord } },
    { did: 'did:plc:someone0else00001', time_us: next(), kind: 'identity', identity: { did: 'did:plc:someone0else00001', handle: 'else.bsky.social', seq: 1, time: '2025-06-11T10:00:01Z' } } as JetstreamEvent,
    create(acme.did, '3lqb0000000a3', 'Replying: sorry about the stove! DM us, Acme will replace it.', { reply: { root: { uri: `at://${hiker.did}/app.bsky.feed.post/3lqb0000000a1` }, parent: { uri: `at://${hiker.did}/app.bsky.feed.post/3lqb0000000a1` } } }),
    { did: hiker.did, time_us: next(), kind: 'commit', commit: { rev: 'r2', operation: 'update', collection: 'app.bsky.feed.post', rkey: '3lqb0000000a1', record: { $type: 'app.bsky.feed.post', text: 'My ACME stove finally died (edited)', createdAt: '2025-06-11T10:00:00Z' } } },
    { did: 'did:plc:someone0else00001', time_us: next(), kind: 'commit', commit: { rev: 'r3', operation: 'delete', collection: 'app.bsky.feed.post', rkey: '3lqb0000000a2' } },
    create(hiker.did, '3lqb0000000a4', 'Anyone tried the Acme Summit 2 in snow?', { langs: ['en-GB'] }),
  ];
}

export interface ServedRequest {
  path: string;
  query: Record<string, string>;
  /** 0 for a request left unanswered (see hangNext). */
  status: number;
  /** A procedure's JSON input. */
  input?: Record<string, unknown>;
}

/** Which requests a scripted failure applies to: the next `times` (default 1), only calls of `method` (an NSID) when given. */
export interface ScriptOptions {
  times?: number;
  method?: string;
}

export interface BlueskyTestServer {
  origin: string;
  jetstreamUrl: string;
  requests: ServedRequest[];
  /** Jetstream connections, in order, with their query. */
  connections: Record<string, string>[];
  posts: PostView[];
  events: JetstreamEvent[];
  setRemaining(remaining: number): void;
  /** The followersCount of acme's profile (default 1893). */
  setFollowers(followers: number): void;
  /** Records the PDS holds, by at-uri. */
  records: Map<string, PdsRecord>;
  /** The next XRPC request(s) are answered with this status and body. */
  failNext(status: number, body?: unknown, options?: ScriptOptions): void;
  /**
   * The next matching XRPC request is never answered (until close). With `afterWrite` it is
   * carried out first, so a record exists though its answer is lost.
   */
  hangNext(options?: { method?: string; afterWrite?: boolean }): void;
  /** Access tokens issued so far answer ExpiredToken. */
  expireSessions(): void;
  /** Adds a post to the AppView (newest). */
  addPost(post: PostView): void;
  /** Appends an event and sends it to every open Jetstream connection that wants it. */
  emit(event: JetstreamEvent, options?: { send?: boolean }): void;
  /** The next Jetstream connection sends this many events, then is cut. */
  dropNextAfter(count: number): void;
  dropStreams(): void;
  close(): Promise<void>;
}

export async function startBlueskyTestServer(): Promise<BlueskyTestServer> {
  const posts = initialPosts();
  const events = initialEvents();
  const requests: ServedRequest[] = [];
  const connections: Record<string, string>[] = [];
  const sockets = new Map<WebSocket, string[] | undefined>();
  let remaining = 2999;
  let followers = 1893;
  let scripted: { status: number; body: unknown; method?: string; times: number } | undefined;
  let hang: { method?: string; afterWrite: boolean } | undefined;
  let dropAfter: number | undefined;
  const pds = createTestPds(acme, testNow);

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });

  function answer(request: http.IncomingMessage, response: http.ServerResponse, bodyText: string): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const method = url.pathname.replace(/^\/xrpc\//, '');
    const input = request.method === 'POST' ? parseInput(bodyText) : undefined;
    const hanging = hang && (!hang.method || hang.method === method) ? hang : undefined;
    if (hanging) hang = undefined;
    const served: ServedRequest = { path: url.pathname, query, status: 0, ...(input && { input }) };
    requests.push(served);
    if (hanging && !hanging.afterWrite) return;
    const send = (status: number, body: unknown) => {
      if (hanging) return;
      served.status = status;
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'ratelimit-limit': '3000',
        'ratelimit-remaining': String(status === 429 ? 0 : remaining),
        'ratelimit-reset': String(rateLimitReset),
        'ratelimit-policy': '3000;w=300',
      });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (scripted && (!scripted.method || scripted.method === method)) {
      const { status, body } = scripted;
      scripted = --scripted.times > 0 ? scripted : undefined;
      return send(status, body);
    }
    const written = pds.answer(method, input ?? {}, query, request.headers.authorization);
    if (written) return send(written.status, written.body);
    const limit = Math.max(1, Math.min(Number(query.limit ?? 25), 100));
    const offset = Number(query.cursor ?? 0);
    const newestFirst = <T extends { at: string }>(items: T[]) => [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const pageOf = <T>(items: T[]) => {
      const slice = items.slice(offset, offset + limit);
      return { slice, cursor: offset + limit < items.length ? String(offset + limit) : undefined };
    };
    if (method === 'app.bsky.actor.getProfile') {
      const refused = request.headers.authorization === undefined ? undefined : pds.authFailure(request.headers.authorization);
      if (refused) return send(refused.status, refused.body);
      if (!query.actor) return send(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "actor"' });
      const actor = [acme, hiker].find((candidate) => candidate.did === query.actor || candidate.handle === query.actor);
      if (!actor) return send(400, { error: 'InvalidRequest', message: 'Profile not found' });
      return send(200, profileOf(actor, actor === acme ? followers : 214));
    }
    if (url.pathname === '/xrpc/app.bsky.feed.searchPosts') {
      if (!query.q) return send(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "q"' });
      const words = query.q.toLowerCase().split(/\s+/);
      const matching = newestFirst(posts.filter((post) => words.every((word) => post.record.text!.toLowerCase().includes(word))).map((post) => ({ at: post.indexedAt, post })));
      const { slice, cursor } = pageOf(matching);
      return send(200, { posts: slice.map((entry) => entry.post), hitsTotal: matching.length, ...(cursor && { cursor }) });
    }
    if (url.pathname === '/xrpc/app.bsky.feed.getAuthorFeed') {
      const author = [acme, hiker].find((candidate) => candidate.did === query.actor || candidate.handle === query.actor);
      if (!author) return send(400, { error: 'InvalidRequest', message: 'Profile not found' });
      const own = posts.filter((post) => post.author.did === author.did).map((post) => ({ at: post.indexedAt, item: { post } as Record<string, unknown> }));
      // Acme reposted the hiker's first post (twice, as happens after an undo and redo).
      const reposts = author === acme ? [0, 1].map((n) => ({ at: `2025-06-11T11:0${n}:00.000Z`, item: { post: posts[0], reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: acme, indexedAt: `2025-06-11T11:0${n}:00.000Z` } } })) : [];
      const { slice, cursor } = pageOf(newestFirst([...own, ...reposts]));
      return send(200, { feed: slice.map((entry) => entry.item), ...(cursor && { cursor }) });
    }
    return send(501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
  }

  const wss = new WebSocketServer({ noServer: true });
  const wants = (collections: string[] | undefined, event: JetstreamEvent) => event.kind !== 'commit' || !collections?.length || collections.includes(event.commit!.collection);
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/subscribe') {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections.push(Object.fromEntries(url.searchParams));
      const collections = url.searchParams.getAll('wantedCollections');
      const cursor = url.searchParams.get('cursor');
      sockets.set(ws, collections);
      ws.on('close', () => sockets.delete(ws));
      // With a cursor, replay from it (inclusive); without, what happens "now": the whole scripted backlog.
      const replay = events.filter((event) => (cursor === null || event.time_us >= Number(cursor)) && wants(collections, event));
      const limit = dropAfter;
      dropAfter = undefined;
      const sent = limit === undefined ? replay : replay.slice(0, limit);
      for (const event of sent) ws.send(JSON.stringify(event));
      if (limit !== undefined) setTimeout(() => ws.terminate(), 20);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    jetstreamUrl: `ws://127.0.0.1:${port}/subscribe`,
    requests,
    connections,
    posts,
    events,
    setRemaining: (value) => {
      remaining = value;
    },
    setFollowers: (value) => {
      followers = value;
    },
    records: pds.records,
    failNext: (status, body = { error: 'InternalServerError', message: 'Internal Server Error' }, options = {}) => {
      scripted = { status, body, times: options.times ?? 1, ...(options.method && { method: options.method }) };
    },
    hangNext: (options = {}) => {
      hang = { afterWrite: options.afterWrite ?? false, ...(options.method && { method: options.method }) };
    },
    expireSessions: () => pds.expireSessions(),
    addPost: (post) => {
      posts.push(post);
    },
    emit(event, options = {}) {
      events.push(event);
      if (options.send === false) return;
      for (const [ws, collections] of sockets) if (wants(collections, event)) ws.send(JSON.stringify(event));
    },
    dropNextAfter: (count) => {
      dropAfter = count;
    },
    dropStreams() {
      for (const ws of sockets.keys()) ws.terminate();
      sockets.clear();
    },
    async close() {
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** app.bsky.actor.defs#profileViewDetailed, as the AppView answers getProfile for a signed-in viewer. */
function profileOf(actor: { did: string; handle: string; displayName?: string; avatar?: string }, followersCount: number): Record<string, unknown> {
  return {
    did: actor.did,
    handle: actor.handle,
    ...(actor.displayName && { displayName: actor.displayName }),
    description: 'Gear for every trail.',
    ...(actor.avatar && { avatar: actor.avatar }),
    associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false, chat: { allowIncoming: 'following' } },
    indexedAt: '2025-06-01T08:00:00.000Z',
    createdAt: '2023-05-01T00:00:00.000Z',
    viewer: { muted: false, blockedBy: false },
    labels: [],
    followersCount,
    followsCount: 87,
    postsCount: 412,
  };
}

function parseInput(bodyText: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    return typeof parsed === 'object' && parsed !== null ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}
