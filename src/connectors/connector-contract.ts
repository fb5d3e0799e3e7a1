// The contract every connector passes against its local protocol test server: config
// validation that names fields, capabilities that match the methods, posts that can
// be stored, cursors that survive storage and never repeat a post, a working health check,
// and, for connectors that reply, a reply to a stored post published once per key.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import type { AnyConnector, ConnectorContext, Cursor, IncomingPost, OutgoingReply, ReplyContext } from './connector.ts';
import type { GuardedHttp } from './http/guarded-http.ts';

export interface ContractSetup {
  connector: AnyConnector;
  /** A valid configuration as a person would enter it, pointing at the local test server. */
  config: unknown;
  /** An HTTP client allowed to reach the local test server. */
  http: GuardedHttp;
  /** The externalIds the first read must yield, in any order. */
  expectedExternalIds: string[];
  /** Required with the 'reply' capability. */
  reply?: ContractReplySetup;
  cleanup(): Promise<void>;
}

export interface ContractReplySetup {
  /** A configuration that may publish (credentials included), pointing at the local test server. */
  config: unknown;
  /** How many replies the test server holds, to prove a retry publishes none. */
  publishedCount(): number;
}

/** Declares the contract tests for one connector; `setup` starts its test server. */
export function describeConnectorContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`connector contract: ${name}`, () => {
    let subject: ContractSetup;
    const controllers: AbortController[] = [];

    before(async () => {
      subject = await setup();
    });
    after(async () => {
      for (const controller of controllers) controller.abort();
      await subject?.cleanup();
    });

    /** A context as the listening module builds it: the stored (JSON) config and cursor, parsed again. */
    function contextWith(cursor: Cursor): ConnectorContext<unknown> {
      const controller = new AbortController();
      controllers.push(controller);
      const stored = JSON.parse(JSON.stringify(subject.connector.parseConfig(subject.config)));
      return { config: subject.connector.parseConfig(stored), cursor: roundTrip(cursor), http: subject.http, signal: controller.signal, now: () => new Date() };
    }

    /** Everything the connector yields on a first read, by poll or by stream. */
    async function firstRead(): Promise<{ posts: IncomingPost[]; cursor: Cursor }> {
      const { connector } = subject;
      if (connector.poll) {
        const result = await connector.poll(contextWith(null));
        return { posts: result.posts, cursor: result.cursor };
      }
      return streamUntil(contextWith(null), subject.expectedExternalIds);
    }

    async function streamUntil(context: ConnectorContext<unknown>, ids: string[]): Promise<{ posts: IncomingPost[]; cursor: Cursor }> {
      const controller = new AbortController();
      controllers.push(controller);
      const posts: IncomingPost[] = [];
      let cursor: Cursor = context.cursor;
      const wanted = new Set(ids);
      const signal = AbortSignal.any([context.signal, controller.signal]);
      // Waiting for nothing (a resumed stream) means listening briefly for anything repeated.
      const timeout = setTimeout(() => controller.abort(), wanted.size === 0 ? 500 : 5000);
      const running = subject.connector.stream!({
        ...context,
        signal,
        onPosts: async (batch, batchCursor) => {
          posts.push(...batch);
          cursor = batchCursor;
          for (const post of batch) wanted.delete(post.externalId);
          if (wanted.size === 0) controller.abort();
        },
      });
      await running;
      clearTimeout(timeout);
      assert.ok(signal.aborted, 'stream() resolves only once its signal aborts');
      return { posts, cursor };
    }

    it('describes itself', () => {
      const { connector } = subject;
      assert.match(connector.kind, /^[a-z][a-z0-9-]*$/, 'kind is a short lower-case identifier');
      assert.ok(connector.displayName.trim().length > 0, 'displayName is set');
      assert.equal((connector.configSchema as { type?: unknown }).type, 'object', 'configSchema describes an object');
    });

    it('declares exactly the capabilities it implements', () => {
      const { connector } = subject;
      assert.equal(new Set(connector.capabilities).size, connector.capabilities.length, 'no capability twice');
      assert.equal(connector.capabilities.includes('read'), typeof connector.poll === 'function', "'read' if and only if poll() exists");
      assert.equal(connector.capabilities.includes('stream'), typeof connector.stream === 'function', "'stream' if and only if stream() exists");
      assert.equal(connector.capabilities.includes('reply'), typeof connector.reply === 'function', "'reply' if and only if reply() exists");
      assert.ok(connector.capabilities.includes('read') || connector.capabilities.includes('stream'), 'it can listen: read or stream');
    });

    it('accepts its configuration, and the stored form parses to the same thing', () => {
      const parsed = subject.connector.parseConfig(subject.config);
      assert.deepEqual(subject.connector.parseConfig(roundTrip(parsed as Cursor)), parsed);
    });

    it('rejects junk configuration with VALIDATION_FAILED naming the field', () => {
      for (const junk of [null, 42, 'https://example.com', [], true]) {
        const problems = validationProblems(() => subject.connector.parseConfig(junk), JSON.stringify(junk));
        assert.ok(problems.every((problem) => problem.field === 'config' || problem.field.startsWith('config.')), JSON.stringify(problems));
      }
      const valid = subject.config as Record<string, unknown>;
      for (const [key, value] of Object.entries(valid)) {
        const junk = { ...valid, [key]: wrongTypeFor(value) };
        const problems = validationProblems(() => subject.connector.parseConfig(junk), `${key}: ${JSON.stringify(junk[key])}`);
        assert.ok(problems.some((problem) => problem.field === `config.${key}` || problem.field.startsWith(`config.${key}.`)), `a problem names config.${key}: ${JSON.stringify(problems)}`);
      }
    });

    it('yields the expected posts, each one storable', async () => {
      const { posts, cursor } = await firstRead();
      assert.deepEqual(posts.map((post) => post.externalId).sort(), [...subject.expectedExternalIds].sort());
      for (const post of posts) assertStorable(post);
      assert.deepEqual(roundTrip(cursor), cursor, 'the cursor survives JSON storage unchanged');
      if (subject.connector.poll) {
        const result = await subject.connector.poll(contextWith(null));
        assert.ok(Number.isFinite(result.nextPollInMs) && result.nextPollInMs > 0, 'nextPollInMs is a positive number');
        assert.ok(Array.isArray(result.skipped) && Array.isArray(result.warnings));
        for (const skipped of result.skipped) assert.ok(skipped.reason.length > 0, 'each skipped item says why');
      }
    });

    it('yields no post twice when resumed from its stored cursor', async () => {
      const first = await firstRead();
      const seen = new Set(first.posts.map((post) => post.externalId));
      const again = subject.connector.poll
        ? (await subject.connector.poll(contextWith(first.cursor))).posts
        : (await streamUntil(contextWith(first.cursor), [])).posts;
      assert.deepEqual(again.filter((post) => seen.has(post.externalId)).map((post) => post.externalId), []);
    });

    it('publishes a reply to a stored post once per idempotency key', async (t) => {
      const { connector } = subject;
      if (!connector.capabilities.includes('reply')) return t.skip('it does not reply');
      const setup = subject.reply;
      assert.ok(setup, 'a connector that replies gives the contract a reply setup');
      const config = connector.parseConfig(roundTrip(connector.parseConfig(setup.config)));
      if (connector.canReply) assert.equal(connector.canReply(config), true, 'canReply() accepts the reply configuration');
      const { posts } = await firstRead();
      const parent = roundTrip(posts[0]!);
      const reply: OutgoingReply = {
        text: 'Thanks for telling us; a replacement is on its way.',
        idempotencyKey: 'contract-reply-1',
        inReplyTo: { externalId: parent.externalId, url: parent.url, raw: parent.raw, authorHandle: parent.author?.handle, title: parent.title },
      };
      const context: ReplyContext<unknown> = { config, http: subject.http, signal: new AbortController().signal, now: () => new Date() };
      const before = setup.publishedCount();
      const published = await connector.reply!(context, reply);
      assert.ok(typeof published.externalId === 'string' && published.externalId.trim().length > 0, 'the reply has an externalId');
      assert.equal(new Date(published.publishedAt).toISOString(), published.publishedAt, 'publishedAt is ISO 8601');
      if (published.url !== undefined) assert.match(published.url, /^https?:\/\//, 'url is http(s)');
      assert.equal(setup.publishedCount(), before + 1, 'one reply published');
      const retried = await connector.reply!(context, reply);
      assert.equal(retried.externalId, published.externalId, 'a retry answers with the same reply');
      assert.equal(setup.publishedCount(), before + 1, 'a retry publishes nothing more');
    });

    it('reports a healthy source as ok', async () => {
      const report = await subject.connector.checkHealth(contextWith(null));
      assert.equal(report.ok, true, report.message);
      assert.ok(report.message.length > 0);
    });
  });
}

function roundTrip<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function validationProblems(action: () => unknown, what: string): { field: string; message: string }[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof AppError, `${what}: throws AppError, not ${String(error)}`);
    assert.equal(error.code, 'VALIDATION_FAILED', what);
    const details = error.details as { field: string; message: string }[];
    assert.ok(Array.isArray(details) && details.length > 0, `${what}: details list the problems`);
    for (const problem of details) assert.ok(typeof problem.field === 'string' && typeof problem.message === 'string' && problem.message.length > 0);
    return details;
  }
  return assert.fail(`${what}: accepted junk configuration`);
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return { not: 'a string' };
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'maybe';
  return 'not an object';
}

function assertStorable(post: IncomingPost): void {
  const label = `post ${post.externalId}`;
  assert.equal(typeof post.externalId, 'string', label);
  assert.ok(post.externalId.trim().length > 0, `${label}: externalId is not empty`);
  assert.equal(typeof post.text, 'string', label);
  assert.ok(post.text.trim().length > 0, `${label}: text is not empty`);
  assert.ok(!/<\/?[a-z][^>]*>/i.test(post.text), `${label}: text has no HTML tags`);
  assert.ok('raw' in post && post.raw !== undefined, `${label}: raw is kept`);
  if (post.createdAt !== undefined) assert.equal(new Date(post.createdAt).toISOString(), post.createdAt, `${label}: createdAt is ISO 8601`);
  if (post.url !== undefined) assert.match(post.url, /^https?:\/\//, `${label}: url is http(s)`);
  if (post.language !== undefined) assert.match(post.language, /^[a-z]{2}$/, `${label}: language is ISO 639-1`);
  if (post.author?.profileUrl !== undefined) assert.match(post.author.profileUrl, /^https?:\/\//, `${label}: profileUrl is http(s)`);
  if (post.author?.followers !== undefined) assert.ok(Number.isInteger(post.author.followers) && post.author.followers >= 0, label);
}
