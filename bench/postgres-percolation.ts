// The baseline to beat: Postgres full-text search used as a percolator, storing each
// topic as a tsquery and asking, per post, which stored queries its tsvector satisfies:
//   select id from bench_topics where query @@ to_tsvector('simple', $1)
// Postgres has no index for this direction (a GIN index serves the opposite one), so
// every post scans every topic. Runs on PGlite, or on PostgreSQL when
// TEST_DATABASE_URL is set; parallel workers are turned off, so both sides use one core.
//
// The translation to tsquery keeps what tsquery can say, and says what it could not:
// - Field filters (lang:, site:, followers:, ...) look at metadata a tsquery cannot
//   see. Translated as `true`, `x OR site:y` would match every post; so a topic with
//   a filter is not comparable.
// - The simple parser drops "#" and "@", so `#acme` and `@acme` become `acme`, which
//   also finds the plain word: not comparable, except where the plain word is an
//   alternative anyway (`acme OR @acme OR #acme` is exactly `acme`).
// - A link becomes its host (`https://acme.com/help*` finds any link to acme.com),
//   and an emoji can never match (the parser drops emoji): not comparable.
// - NEAR/n becomes the alternatives `a <1> b | ... | a <n+1> b` (and the reverse order
//   unless ONEAR), which is exact up to how the two sides count positions.
// Every topic is loaded and evaluated, so the timing covers them all (a topic whose
// translation is a constant is stored without a query and never returned); agreement
// with the compiled matcher is measured on the comparable topics only. What remains
// different there is tokenization: Postgres splits "e-mail" and "don't" differently,
// gives emoji no position and a link several, so NEAR distances can differ.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { QueryNode } from '../src/modules/listening/query/index.ts';

/** Why a topic's tsquery does not mean what the topic means. */
export type LostCondition = 'field filter' | 'hashtag or handle' | 'link' | 'emoji';

/** A tsquery, or a constant where a condition could not be kept; and what was lost on the way. */
export interface Translation { query: string | boolean; lost: Set<LostCondition> }

export function toTsquery(node: QueryNode): Translation {
  const lost = new Set<LostCondition>();
  return { query: translate(node, lost), lost };
}

function translate(node: QueryNode, lost: Set<LostCondition>): string | boolean {
  switch (node.kind) {
    case 'term': return lexeme(node.token, lost);
    case 'prefix': {
      const word = lexeme(node.prefix, lost);
      return typeof word === 'string' ? `${word}:*` : word;
    }
    case 'phrase': return combine(node.tokens.map((token) => lexeme(token, lost)), '<->');
    case 'and': return combine(node.children.map((child) => translate(child, lost)), '&');
    case 'or': return combine(withoutRedundantSigns(node.children).map((child) => translate(child, lost)), '|');
    case 'not': {
      const child = translate(node.child, lost);
      return typeof child === 'boolean' ? !child : `!${child}`;
    }
    case 'near': {
      const left = translate(node.left, lost);
      const right = translate(node.right, lost);
      if (typeof left === 'boolean' || typeof right === 'boolean') return combine([left, right], '&');
      const alternatives: string[] = [];
      for (let apart = 1; apart <= node.distance + 1; apart++) {
        alternatives.push(`(${left} <${apart}> ${right})`);
        if (!node.ordered) alternatives.push(`(${right} <${apart}> ${left})`);
      }
      return `(${alternatives.join(' | ')})`;
    }
    case 'field': case 'followers':
      lost.add('field filter');
      return true;
  }
}

/** `acme OR @acme OR #acme`: the plain word finds the handle and the hashtag too, so they can go. */
function withoutRedundantSigns(children: readonly QueryNode[]): QueryNode[] {
  const plainWords = new Set(children.flatMap((child) => (child.kind === 'term' ? [child.token] : [])));
  return children.filter((child) => !(child.kind === 'term' && /^[#@]/.test(child.token) && plainWords.has(child.token.slice(1))));
}

function combine(parts: (string | boolean)[], operator: '&' | '|' | '<->'): string | boolean {
  if (operator === '|' && parts.includes(true)) return true;
  if (operator !== '|' && parts.includes(false)) return false;
  const queries = parts.filter((part): part is string => typeof part === 'string');
  if (queries.length === 0) return operator !== '|';
  return queries.length === 1 ? queries[0]! : `(${queries.join(` ${operator} `)})`;
}

/** A quoted tsquery lexeme, or false for a token the simple parser never produces. */
function lexeme(token: string, lost: Set<LostCondition>): string | false {
  let word = token;
  if (word.includes('/')) {
    lost.add('link');
    word = word.slice(0, word.indexOf('/'));
  } else if (/^[#@]/.test(word)) {
    lost.add('hashtag or handle');
    word = word.slice(1);
  }
  if (!/[\p{L}\p{N}]/u.test(word)) {
    lost.add('emoji');
    return false;
  }
  return `'${word.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
}

interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

async function openClient(): Promise<{ client: SqlClient; engine: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return {
      client: { query: (sql, params) => client.query(sql, params as unknown[]), close: () => client.end() },
      engine: `PostgreSQL ${rows[0]!.server_version} (TEST_DATABASE_URL)`,
    };
  }
  const db = new PGlite();
  return { client: { query: (sql, params) => db.query(sql, params), close: () => db.close() }, engine: 'PGlite (in process, WebAssembly)' };
}

export interface PercolationResult {
  engine: string;
  /** Topics loaded and scanned for every post. */
  topics: number;
  /** Of those, the ones translated with nothing lost: the only ones compared. */
  comparableTopics: number;
  /** comparable[topic] when the topic's translation lost nothing. */
  comparable: readonly boolean[];
  /** Topics left out of the comparison, by what their translation lost (a topic may count under several). */
  excludedBecause: Record<LostCondition, number>;
  posts: number;
  setupSeconds: number;
  postsPerSecond: number;
  /** For each post, the comparable topics (indexes into the topics given) Postgres says it matches, ascending. */
  comparableMatches: number[][];
}

/** Loads the topics as tsqueries and times percolating the posts through them. */
export async function percolate(topics: readonly QueryNode[], texts: readonly string[]): Promise<PercolationResult> {
  const { client, engine } = await openClient();
  const setupStart = performance.now();
  try {
    const translated = topics.map(toTsquery);
    const excludedBecause: Record<LostCondition, number> = { 'field filter': 0, 'hashtag or handle': 0, link: 0, emoji: 0 };
    for (const { lost } of translated) for (const reason of lost) excludedBecause[reason]++;
    const comparable = translated.map(({ lost }) => lost.size === 0);
    await client.query('set max_parallel_workers_per_gather = 0');
    await client.query('create temporary table bench_topics (id int primary key, comparable boolean not null, query tsquery)');
    for (let start = 0; start < topics.length; start += 5000) {
      const batch = translated.slice(start, start + 5000);
      await client.query(
        `insert into bench_topics (id, comparable, query)
         select id, comparable, case when query is null then null else to_tsquery('simple', query) end
         from unnest($1::int[], $2::boolean[], $3::text[]) as t(id, comparable, query)`,
        [batch.map((_, i) => start + i), comparable.slice(start, start + 5000), batch.map((t) => (typeof t.query === 'string' ? t.query : null))],
      );
    }
    await client.query('analyze bench_topics');
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const comparableMatches: number[][] = [];
    const started = performance.now();
    for (const text of texts) {
      const { rows } = await client.query(
        `with post as materialized (select to_tsvector('simple', $1) as words)
         select id from bench_topics, post where query @@ post.words`,
        [text],
      );
      comparableMatches.push((rows as { id: number }[]).map((row) => row.id).filter((id) => comparable[id]).sort((a, b) => a - b));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      engine,
      topics: topics.length,
      comparableTopics: comparable.filter(Boolean).length,
      comparable,
      excludedBecause,
      posts: texts.length,
      setupSeconds,
      postsPerSecond: texts.length / seconds,
      comparableMatches,
    };
  } finally {
    await client.close();
  }
}
