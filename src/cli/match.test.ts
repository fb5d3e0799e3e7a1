import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import { matchStream, readTopicsFile } from './commands/match.ts';
import { runHerd } from './test-herd.ts';

const topicsFile = [
  '# Acme topics',
  'brand\tacme OR @acme',
  '',
  'refunds\tacme refund* NOT lang:de',
  'big\tfollowers:[10000 TO *]\r',
].join('\n');

/** Runs matchStream on the lines, returning the output's JSON lines and the report. */
async function run(topics: string, lines: string[]) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const report = await matchStream(topics, Readable.from(lines.map((line) => `${line}\n`)), output);
  return { answers: chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)), report };
}

describe('herd match', () => {
  it('writes one line per post with the ids of the topics it matches', async () => {
    const { answers, report } = await run(topicsFile, [
      JSON.stringify({ id: 'p1', text: 'My Acme refund never came', lang: 'en' }),
      JSON.stringify({ id: 'p2', text: 'Acme Rückerstattung refund', lang: 'de', followers: 20000 }),
      '',
      JSON.stringify({ id: 3, text: 'nothing to see' }),
    ]);
    assert.deepEqual(answers, [
      { id: 'p1', topics: ['brand', 'refunds'] },
      { id: 'p2', topics: ['brand', 'big'] },
      { id: 3, topics: [] },
    ]);
    assert.deepEqual(report, { posts: 3, postsWithTopics: 2, invalidLines: 0 });
  });

  it('answers a bad line with its number and the problem, and goes on', async () => {
    const { answers, report } = await run(topicsFile, [
      '{"id": "p1", "text": "acme"',
      '[1, 2]',
      '{"text": "acme"}',
      '{"id": "p4", "text": "acme", "followers": "many"}',
      '{"id": "p5", "text": "acme"}',
    ]);
    assert.equal(answers[0].line, 1);
    assert.match(answers[0].error, /^not valid JSON: /);
    assert.deepEqual(answers.slice(1), [
      { line: 2, error: 'expected a JSON object' },
      { line: 3, error: '"id" must be a string or a number' },
      { line: 4, error: '"followers" must be a number' },
      { id: 'p5', topics: ['brand'] },
    ]);
    assert.deepEqual(report, { posts: 5, postsWithTopics: 1, invalidLines: 4 });
  });

  it('refuses a topics file with bad lines, naming each line, before reading posts', async () => {
    const topics = 'ok\tacme\nbroken\tacme AND (refund\nno tab here\nok\tglobex';
    await assert.rejects(run(topics, ['{"id": 1, "text": "acme"}']), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.message, [
        'line 2: topic "broken": Expected ")" to close the "(" at 9, at 16',
        'line 3: expected a topic id, a tab, then the query',
        'line 4: topic "ok" is already defined on line 1',
      ].join('; '));
      assert.deepEqual((error.details as { position?: number }[])[0], {
        field: 'line 2', message: 'topic "broken": Expected ")" to close the "(" at 9, at 16', position: 16, expected: '")"',
      });
      return true;
    });
  });

  it('reads ids and queries, skipping blank lines and comments', () => {
    assert.deepEqual(readTopicsFile(topicsFile).map((topic) => topic.id), ['brand', 'refunds', 'big']);
  });

  it('goes through a small output buffer without losing lines', async () => {
    const output = new PassThrough({ highWaterMark: 16 });
    const lines = Array.from({ length: 200 }, (_, i) => `${JSON.stringify({ id: i, text: 'acme' })}\n`);
    let received = '';
    const done = matchStream('brand\tacme', Readable.from(lines), output);
    output.on('data', (chunk: Buffer) => { received += chunk.toString(); });
    const report = await done;
    assert.equal(report.posts, 200);
    assert.equal(received.split('\n').filter(Boolean).length, 200);
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'herd-match-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a topics file into the scratch folder and returns its path. */
function topicsFileAt(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

describe('herd match, the command', () => {
  it('reads posts on stdin and writes one JSON line per post, bad lines included', async () => {
    const topics = topicsFileAt('topics.tsv', topicsFile);
    const { code, stdout, stderr } = await runHerd(['match', '--topics', topics], [
      JSON.stringify({ id: 'p1', text: 'My Acme refund never came', lang: 'en' }),
      JSON.stringify({ id: 'p2', text: 'Acme Rückerstattung refund', lang: 'de', followers: 20000, source: 'twitter' }),
      'not json',
      JSON.stringify({ id: 'p4', text: 42 }),
      '',
      JSON.stringify({ id: 5, text: 'nothing to see', author: '@jane', site: 'https://example.com/x' }),
    ].join('\n'));
    assert.equal(code, 0, stderr);
    const answers = jsonLines(stdout) as Record<string, unknown>[];
    assert.equal(answers.length, 5);
    assert.deepEqual(answers[0], { id: 'p1', topics: ['brand', 'refunds'] });
    assert.deepEqual(answers[1], { id: 'p2', topics: ['brand', 'big'] });
    assert.equal(answers[2]!.line, 3);
    assert.match(answers[2]!.error as string, /^not valid JSON: /);
    assert.deepEqual(answers.slice(3), [{ line: 4, error: '"text" must be a string' }, { id: 5, topics: [] }]);
    assert.equal(stderr, 'herd: matched 5 post(s) against 3 topic(s); 2 matched at least one; 2 bad line(s) answered with {"line", "error"}\n');
  });

  it('keeps every line of a long input, in order', async () => {
    const topics = topicsFileAt('brand.tsv', 'brand\tacme\n');
    const posts = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, text: i % 2 === 0 ? 'acme again' : 'something else' }));
    const { code, stdout } = await runHerd(['match', '--topics', topics], `${posts.join('\n')}\n`);
    assert.equal(code, 0);
    const answers = jsonLines(stdout) as { id: number; topics: string[] }[];
    assert.equal(answers.length, 5000);
    answers.forEach((answer, i) => assert.deepEqual(answer, { id: i, topics: i % 2 === 0 ? ['brand'] : [] }));
  });

  it('refuses a bad topics file, naming the file, each bad line and the position, and exits 1', async () => {
    const topics = topicsFileAt('bad.tsv', 'ok\tacme\nbroken\tacme AND (refund\nno tab here\n');
    const { code, stdout, stderr } = await runHerd(['match', '--topics', topics], '{"id": 1, "text": "acme"}\n');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, `herd: bad topics file ${topics}: line 2: topic "broken": Expected ")" to close the "(" at 9, at 16; `
      + 'line 3: expected a topic id, a tab, then the query\n');
  });

  it('says so when the topics file cannot be read, and exits 1', async () => {
    const missing = join(scratch, 'missing.tsv');
    const { code, stderr } = await runHerd(['match', '--topics', missing], '');
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`^herd: cannot read the topics file ${missing}: ENOENT`));
  });

  it('requires --topics', async () => {
    const { code, stderr } = await runHerd(['match'], '');
    assert.notEqual(code, 0);
    assert.match(stderr, /required option '--topics <file>' not specified/);
  });
});
