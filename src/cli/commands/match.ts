// `herd match --topics FILE`: matches posts against listening topics without a
// database, for trying topics out on an export and for scripts. Topics come from a
// file with one `id<TAB>query` per line; posts are JSON lines on the input, and each
// post gets one JSON line on the output: `{"id": ..., "topics": [...]}`.
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../errors.ts';
import { answerJsonLines, exitQuietlyWhenStdoutCloses, parseJsonObject } from '../json-lines.ts';
import { compileTopics, parseQuery, QuerySyntaxError, type MatchablePost, type TopicQuery } from '../../modules/listening/query/index.ts';

export interface MatchCommandOptions {
  /** The topics file: one `id<TAB>query` per line. */
  topics: string;
}

/**
 * The command: topics from `options.topics`, posts from stdin, answers on stdout and a
 * one-line summary on stderr. A topics file that cannot be read or has bad lines is an
 * AppError naming the file (and each bad line), which the CLI prints before exiting 1.
 */
export async function matchCommand(options: MatchCommandOptions): Promise<void> {
  let topicsText: string;
  try {
    topicsText = await readFile(options.topics, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read the topics file ${options.topics}: ${(error as Error).message}`);
  }
  let topics: TopicQuery[];
  try {
    topics = readTopicsFile(topicsText);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, `bad topics file ${options.topics}: ${error.message}`, error.details);
  }
  exitQuietlyWhenStdoutCloses();
  const report = await matchStream(topics, process.stdin, process.stdout);
  const bad = report.invalidLines > 0 ? `; ${report.invalidLines} bad line(s) answered with {"line", "error"}` : '';
  process.stderr.write(`herd: matched ${report.posts} post(s) against ${topics.length} topic(s); ${report.postsWithTopics} matched at least one${bad}\n`);
}

export interface MatchReport {
  /** Lines read as posts (blank lines are not counted). */
  posts: number;
  /** Posts that matched at least one topic. */
  postsWithTopics: number;
  /** Lines answered with `{"line", "error"}` instead. */
  invalidLines: number;
}

/**
 * Reads the topics (a topics file's text, or topics read already), then matches every
 * JSON line of `input`, writing one JSON line per post to `output`. Throws a VALIDATION_FAILED AppError naming every bad line of the
 * topics file before reading any post; a bad post line is reported on the output as
 * `{"line": N, "error": "..."}` and matching goes on.
 */
export async function matchStream(topics: string | readonly TopicQuery[], input: Readable, output: Writable): Promise<MatchReport> {
  const matcher = compileTopics(typeof topics === 'string' ? readTopicsFile(topics) : topics);
  let postsWithTopics = 0;
  const { lines, invalidLines } = await answerJsonLines(input, output, (line) => {
    const read = readPost(line);
    if ('error' in read) return read;
    const found = matcher.match(read.post);
    if (found.length > 0) postsWithTopics++;
    return { answer: { id: read.id, topics: found } };
  });
  return { posts: lines, postsWithTopics, invalidLines };
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
  const parsed = parseJsonObject(line);
  if ('error' in parsed) return parsed;
  const record = parsed.value;
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
