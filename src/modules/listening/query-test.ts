// "Test a query": parse it and run it against the organization's recent mentions,
// showing which match and which of the query's terms each one has, so a person can
// tune a topic before saving it.
import { Type } from 'typebox';
import type { Database } from '../../db/index.ts';
import { requireAccess, type Actor } from '../people/index.ts';
import { explainQuery, parseQuery, QuerySyntaxError, tokenizePost, type QueryNode } from './query/index.ts';
import { listMentions } from './mentions.ts';

export const QueryTestResult = Type.Union([
  Type.Object({ valid: Type.Literal(false), error: Type.Object({ message: Type.String(), position: Type.Integer(), expected: Type.String() }) }),
  Type.Object({
    valid: Type.Literal(true),
    sampled: Type.Integer(),
    matchCount: Type.Integer(),
    matches: Type.Array(Type.Object({
      mention: Type.Object({
        id: Type.String(), text: Type.String(), authorHandle: Type.Union([Type.String(), Type.Null()]), sourceName: Type.String(),
        postedAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
      }),
      matchedTerms: Type.Array(Type.String()),
    })),
  }),
]);

/** Mentions shown at most; matchCount still counts them all. */
const SHOWN = 100;

function parsedOrProblem(query: string): { node: QueryNode } | { problem: QuerySyntaxError } {
  try {
    return { node: parseQuery(query) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { problem: error };
    throw error;
  }
}

export async function testQuery(db: Database, actor: Actor, input: { query: string; sample: number }) {
  requireAccess(actor, 'mentions.read');
  const parsed = parsedOrProblem(input.query);
  if ('problem' in parsed) {
    const { message, position, expected } = parsed.problem;
    return { valid: false as const, error: { message, position, expected } };
  }
  const sample = (await listMentions(db, actor, { limit: Math.min(input.sample, 200) }));
  let mentions = sample.items;
  // listMentions pages by 200 at most; follow cursors up to the requested sample.
  for (let cursor = sample.nextCursor; cursor && mentions.length < input.sample;) {
    const page = await listMentions(db, actor, { limit: Math.min(input.sample - mentions.length, 200), cursor });
    mentions = mentions.concat(page.items);
    cursor = page.nextCursor;
  }
  const matches = [];
  for (const mention of mentions) {
    const post = tokenizePost({
      text: mention.title ? `${mention.title}\n${mention.text}` : mention.text, author: mention.authorHandle ?? undefined,
      lang: mention.language ?? undefined, source: mention.sourceName, site: mention.site ?? undefined, followers: mention.authorFollowers ?? undefined,
    });
    const explanation = explainQuery(parsed.node, post);
    if (!explanation.matches) continue;
    const { id, text, authorHandle, sourceName, postedAt } = mention;
    matches.push({ mention: { id, text, authorHandle, sourceName, postedAt }, matchedTerms: [...new Set(explanation.found.flatMap((f) => f.tokens))] });
  }
  return { valid: true as const, sampled: mentions.length, matchCount: matches.length, matches: matches.slice(0, SHOWN) };
}
