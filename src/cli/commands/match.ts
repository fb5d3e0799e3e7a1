// `herd match --topics FILE`: matches posts against listening topics without a
// database, for trying topics out on an export and for scripts. Topics come from a
// file with one `id<TAB>query` per line; posts are JSON lines on the input, and each
// post gets one JSON line on the output: `{"id": ..., "topics": [...]}`.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../errors.ts';
import { compileTopics, parseQuery, QuerySyntaxError, type MatchablePost, type TopicQuery } from '../../modules/listening/query/index.ts';

export interface MatchReport {
  /** Lines read as posts (blank lines are not counted). */
  posts: number;
  /** Posts that matched at least one topic. */
  postsWithTopics: number;
  /** Lines answered with `{"line", "error"}` instead. */
  invalidLines: number;
}

/**
 * Reads the topics, then matches every JSON line of `input`, writing one JSON line per
 * post to `output`. Throws a VALIDATION_FAILED AppError naming every bad line of the
 * topics file before reading any post; a bad post line is reported on the output as
 * `{"line": N, "error": "..."}` and matching goes on.
 */
export async function matchStream(topicsText: string, input: Readable, output: Writable): Promise<MatchReport> {
  const matcher = compileTopics(readTopicsFile(topicsText));
  const report: MatchReport = { posts: 0, postsWithTopics: 0, invalidLines: 0 };
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    report.posts++;
    const post = readPost(line);
    let answer: string;
    if ('error' in post) {
      report.invalidLines++;
      answer = JSON.stringify({ line: lineNumber, error: post.error });
    } else {
      const topics = matcher.match(post.post);
      if (topics.length > 0) report.postsWithTopics++;
      answer = JSON.stringify({ id: post.id, topics });
    }
    // Wait when the output is full rather than buffering a whole file in memory.
    if (!output.write(`${answer}\n`)) await once(output, 'drain');
  }
  return report;
}

/** The topics of a topics file: `id<TAB>query` lines; blank lines and `#` comments skipped. */
export function readTopicsFile(text: string): TopicQuery[] {
  const topics: TopicQuery[] = [];
  const problems: { field: string; message: string; position?: number; expected?: string }[] = [];
  const lineOfId = new Map<string, number>();
  text.split('\n').forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const field = `line ${lineNumber}`;
    const tab = line.indexOf('\t');
    const id = tab === -1 ? '' : line.slice(0, tab).trim();
    if (id === '') {
      problems.push({ field, message: 'expected a topic id, a tab, then the query' });
      return;
    }
    const firstLine = lineOfId.get(id);
    if (firstLine !== undefined) {
      problems.push({ field, message: `topic "${id}" is already defined on line ${firstLine}` });
      return;
    }
    lineOfId.set(id, lineNumber);
    const query = line.slice(tab + 1);
    try {
      topics.push({ id, query: parseQuery(query) });
    } catch (error) {
      if (!(error instanceof QuerySyntaxError)) throw error;
      // The position counts from the start of the query, after the tab.
      problems.push({ field, message: `topic "${id}": ${error.message}`, position: error.position, expected: error.expected });
    }
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  return topics;
}

const optionalStrings = ['author', 'lang', 'source', 'site', 'place'] as const;

/** One JSON line as a post, or what is wrong with it. */
function readPost(line: string): { id: unknown; post: MatchablePost } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object' };
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' && typeof record.id !== 'number') return { error: '"id" must be a string or a number' };
  if (typeof record.text !== 'string') return { error: '"text" must be a string' };
  const post: MatchablePost = { text: record.text };
  for (const name of optionalStrings) {
    const field = record[name];
    if (field === undefined || field === null) continue;
    if (typeof field !== 'string') return { error: `"${name}" must be a string` };
    post[name] = field;
  }
  if (record.followers !== undefined && record.followers !== null) {
    if (typeof record.followers !== 'number' || !Number.isFinite(record.followers)) return { error: '"followers" must be a number' };
    post.followers = record.followers;
  }
  return { id: record.id, post };
}
