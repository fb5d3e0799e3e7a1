import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import { RETAIL_HELD_OUT_POSTS, RETAIL_TRAINING_POSTS } from '../modules/triage/classifier/retail-posts.fixture.ts';
import { PlaceMatcher, type TriageModels } from '../modules/triage/index.ts';
import { readStoresFile, readTriageModel, triageCommand, triageStream, type TriageModelFile } from './commands/triage.ts';
import { readTrainingData, trainTriageModel, triageTrainCommand } from './commands/triage-train.ts';
import { runHerd } from './test-herd.ts';

const noModels: TriageModels = { category: null, sentiment: null, keywordRules: [], places: null };

interface Answer {
  id?: string | number;
  line?: number;
  error?: string;
  language: string | null;
  languageConfidence: number;
  sentiment: { label: string; score: number; confidence: number };
  category: { label: string; confidence: number; reasons: string[] } | null;
  urgency: { score: number; reasons: string[] };
  place: { spokeId: string; matched: string; confidence: number } | null;
  duplicateGroup: string | number | null;
  spam: boolean;
}

const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Answer);

/** Runs triageStream on the input (lines, or raw bytes), returning the output's JSON lines and the report. */
async function run(input: string[] | Buffer, models: TriageModels = noModels) {
  const output = new PassThrough();
  let received = '';
  output.on('data', (chunk: Buffer) => { received += chunk.toString(); });
  const source = Buffer.isBuffer(input) ? Readable.from([input]) : Readable.from(input.map((line) => `${line}\n`));
  const report = await triageStream(models, source, output);
  return { answers: jsonLines(received), report };
}

const complaint = 'Three weeks waiting for my parcel and nobody answers the phone. I want a refund, this is awful!';

describe('herd triage, the stream', () => {
  it('writes one line per post with language, sentiment, category, urgency, place, duplicate group and spam', async () => {
    const { answers, report } = await run([
      JSON.stringify({ id: 'p1', text: complaint, followers: 50_000, author: '@jane' }),
      JSON.stringify({ id: 2, text: 'Merci beaucoup pour votre aide, le personnel du magasin était vraiment adorable', lang: 'fr' }),
    ]);
    assert.equal(answers.length, 2);
    const [first, second] = answers as [Answer, Answer];
    assert.deepEqual(Object.keys(first), ['id', 'language', 'languageConfidence', 'sentiment', 'category', 'urgency', 'place', 'duplicateGroup', 'spam']);
    assert.equal(first.id, 'p1');
    assert.equal(first.language, 'en');
    assert.ok(first.languageConfidence > 0.5);
    assert.equal(first.sentiment.label, 'negative');
    assert.ok(first.sentiment.score < 0 && first.sentiment.confidence > 0);
    assert.equal(first.category, null, 'no category model, no rules');
    assert.ok(first.urgency.reasons.some((reason) => reason.startsWith('author reach')), first.urgency.reasons.join());
    assert.equal(first.place, null);
    assert.equal(first.duplicateGroup, 'p1');
    assert.equal(first.spam, false);
    assert.equal(second.id, 2);
    assert.equal(second.language, 'fr');
    assert.equal(second.duplicateGroup, 2);
    assert.deepEqual(report, { posts: 2, duplicates: 0, spam: 0, invalidLines: 0 });
  });

  it('answers a bad line with its number and the problem, and goes on', async () => {
    const { answers, report } = await run([
      '{"id": "p1", "text": "acme"',
      '[1, 2]',
      '{"text": "acme"}',
      '{"id": "p4"}',
      '{"id": "p5", "text": "acme", "followers": "many"}',
      '{"id": "p6", "text": "acme", "lang": 7}',
      '',
      '{"id": "p8", "text": "acme is great"}',
    ]);
    assert.equal(answers[0]!.line, 1);
    assert.match(answers[0]!.error!, /^not valid JSON: /);
    assert.deepEqual(answers.slice(1, 6), [
      { line: 2, error: 'expected a JSON object' },
      { line: 3, error: '"id" must be a string or a number' },
      { line: 4, error: '"text" must be a string' },
      { line: 5, error: '"followers" must be a number' },
      { line: 6, error: '"lang" must be a string' },
    ]);
    assert.equal(answers[6]!.id, 'p8');
    assert.deepEqual(report, { posts: 7, duplicates: 0, spam: 0, invalidLines: 6 });
  });

  it('gives copies of a post the id of the first as their duplicate group', async () => {
    const { answers, report } = await run([
      JSON.stringify({ id: 'a', text: complaint }),
      JSON.stringify({ id: 'b', text: 'Lovely staff at the new store, the coffee corner is a great idea' }),
      JSON.stringify({ id: 'c', text: `@acme ${complaint.toUpperCase()} https://t.co/abc` }),
      JSON.stringify({ id: 'd', text: `${complaint.replaceAll('.', '!!!')} @AcmeRetail` }),
      JSON.stringify({ id: 'e', text: '🙂🙂🙂' }),
    ]);
    assert.deepEqual(answers.map((answer) => [answer.id, answer.duplicateGroup]), [['a', 'a'], ['b', 'b'], ['c', 'a'], ['d', 'a'], ['e', null]]);
    assert.equal(report.duplicates, 2);
  });

  it('never throws on odd text and is unsure of it', async () => {
    const odd = ['', 'x'.repeat(100_000), '🙂🙂🙂🔥🔥', '😡😡😡', 'Привет مرحبا hello 你好 שלום', '\uD800 lone \uDC00 surrogates', '   '];
    const { answers, report } = await run(odd.map((text, i) => JSON.stringify({ id: i, text })));
    assert.equal(answers.length, odd.length);
    assert.equal(report.invalidLines, 0);
    for (const answer of answers) {
      assert.ok(answer.sentiment.confidence <= 0.6, `${answer.id}: sentiment confidence ${answer.sentiment.confidence}`);
      assert.ok(answer.languageConfidence <= 0.6, `${answer.id}: language confidence ${answer.languageConfidence}`);
    }
    assert.equal(answers[0]!.language, null);
    assert.equal(answers[0]!.duplicateGroup, null);
  });

  it('reads invalid UTF-8 as replacement characters rather than failing', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id": "bad-utf8", "text": "The staff were rude and the service was terrible '),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' never again"}\n'),
      Buffer.from(`${JSON.stringify({ id: 'next', text: 'fine' })}\n`),
    ]);
    const { answers } = await run(bytes);
    assert.deepEqual(answers.map((answer) => answer.id), ['bad-utf8', 'next']);
    assert.equal(answers[0]!.sentiment.label, 'negative');
  });

  it('uses the category model, keyword rules and stores it is given', async () => {
    const file = trainTriageModel('retail.jsonl', RETAIL_TRAINING_POSTS, new Date(0));
    const { purpose, classifier } = readTriageModel('retail.json', JSON.stringify(file));
    assert.equal(purpose, 'category');
    const places = readStoresFile('stores.json', JSON.stringify([{ spokeId: 'leeds', name: 'Leeds Briggate', aliases: ['the Leeds store'], address: '47 Briggate', city: 'Leeds' }]));
    const models: TriageModels = { ...noModels, category: classifier, keywordRules: [{ label: 'legal', anyOf: ['lawyer'] }], places: new PlaceMatcher(places) };
    const heldOut = RETAIL_HELD_OUT_POSTS.map((post, i) => JSON.stringify({ id: i, text: post.text }));
    const { answers } = await run([...heldOut, JSON.stringify({ id: 'law', text: 'my lawyer will hear about the Leeds store' })], models);
    const correct = RETAIL_HELD_OUT_POSTS.filter((post, i) => answers[i]!.category?.label === post.label).length;
    assert.ok(correct / RETAIL_HELD_OUT_POSTS.length >= 0.75, `held-out accuracy ${correct}/${RETAIL_HELD_OUT_POSTS.length}`);
    const explained = answers.find((answer) => (answer.category?.reasons.length ?? 0) > 0)!;
    assert.ok(explained.category!.reasons.every((reason) => typeof reason === 'string'));
    const law = answers.at(-1)!;
    assert.deepEqual(law.category, { label: 'legal', confidence: 1, reasons: ['lawyer'] });
    assert.equal(law.place?.spokeId, 'leeds');
  });

  it('goes through a small output buffer without losing lines', async () => {
    const output = new PassThrough({ highWaterMark: 16 });
    const lines = Array.from({ length: 300 }, (_, i) => `${JSON.stringify({ id: i, text: `post number ${i} about parcels` })}\n`);
    let received = '';
    const done = triageStream(noModels, Readable.from(lines), output);
    output.on('data', (chunk: Buffer) => { received += chunk.toString(); });
    const report = await done;
    assert.equal(report.posts, 300);
    assert.deepEqual(jsonLines(received).map((answer) => answer.id), lines.map((_, i) => i));
  });
});

const sentimentRows: [string, string][] = [
  // Fruit decides the label, so only a model trained on these rows (not the lexicon) gets them right.
  ...['bananas again', 'more bananas today', 'a box of bananas', 'bananas for lunch', 'bananas in the shop', 'bananas bananas'].map((text): [string, string] => [text, 'positive']),
  ...['apples again', 'more apples today', 'a box of apples', 'apples for lunch', 'apples in the shop', 'apples apples'].map((text): [string, string] => [text, 'negative']),
  ...['pears again', 'more pears today', 'a box of pears', 'pears for lunch', 'pears in the shop', 'pears pears'].map((text): [string, string] => [text, 'neutral']),
];

describe('herd triage train, reading and training', () => {
  it('reads a CSV, skipping and counting rows without text or label', () => {
    const csv = 'tweet,airline_sentiment,extra\n"hello, world",positive,1\n,negative,2\n"no label",,3\n"  spaced  ", neutral ,4\n';
    const data = readTrainingData('data.csv', csv, 'csv', { text: 'tweet', label: 'airline_sentiment' });
    assert.deepEqual(data.examples, [{ text: 'hello, world', label: 'positive' }, { text: '  spaced  ', label: 'neutral' }]);
    assert.deepEqual(data.skipped, { withoutText: 1, withoutLabel: 1, unreadable: 0 });
  });

  it('reads JSON lines, writing numeric labels out and counting unreadable lines', () => {
    const jsonl = ['{"text": "good", "label": 2}', 'not json', '[1]', '{"text": "bad", "label": 0}', '{"text": 5, "label": 1}', ''].join('\n');
    const data = readTrainingData('data.jsonl', jsonl, 'jsonl', { text: 'text', label: 'label' });
    assert.deepEqual(data.examples, [{ text: 'good', label: '2' }, { text: 'bad', label: '0' }]);
    assert.deepEqual(data.skipped, { withoutText: 1, withoutLabel: 0, unreadable: 2 });
  });

  it('names the columns it found when a column is missing', () => {
    assert.throws(() => readTrainingData('data.csv', 'text,sentiment\nhi,positive\n', 'csv', { text: 'text', label: 'label' }),
      (error: unknown) => error instanceof AppError && error.message === 'data.csv has no column "label"; its columns are "text", "sentiment"');
    assert.throws(() => readTrainingData('d.tsv', 'body\tlabel\nhi\tx\n', 'tsv', { text: 'text', label: 'label' }), /d\.tsv has no column "text"; its columns are "body", "label"/);
  });

  it('refuses data with fewer than two labels', () => {
    assert.throws(() => trainTriageModel('one.csv', [{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }], new Date(0)), /one\.csv has only the label "x"; a model needs at least 2 labels/);
    assert.throws(() => trainTriageModel('none.csv', [], new Date(0)), /none\.csv has no labeled rows/);
  });

  it('makes a sentiment model from negative, neutral and positive labels, which triage then uses', async () => {
    const file = trainTriageModel('fruit.csv', sentimentRows.map(([text, label]) => ({ text, label })), new Date('2024-05-01T00:00:00Z'));
    assert.deepEqual({ ...file, classifier: undefined }, {
      format: 'herd-triage-model', version: 1, purpose: 'sentiment', labels: ['negative', 'neutral', 'positive'],
      examples: 18, trainedAt: '2024-05-01T00:00:00.000Z', classifier: undefined,
    });
    const { purpose, classifier } = readTriageModel('fruit.json', JSON.stringify(file));
    assert.equal(purpose, 'sentiment');
    const { answers } = await run(['I got bananas', 'I got apples', 'I got pears'].map((text, id) => JSON.stringify({ id, text })), { ...noModels, sentiment: classifier });
    assert.deepEqual(answers.map((answer) => answer.sentiment.label), ['positive', 'negative', 'neutral']);
    assert.ok(answers[0]!.sentiment.score > 0 && answers[1]!.sentiment.score < 0);
  });

  it('refuses a model file that is not one, naming the file and the problem', () => {
    const good = trainTriageModel('fruit.csv', sentimentRows.map(([text, label]) => ({ text, label })), new Date(0));
    const cases: [string, RegExp][] = [
      ['{not json', /^the model file m\.json is not JSON: /],
      ['{"format": "something-else"}', /^m\.json is not a Herd triage model \(no "format": "herd-triage-model"\); make one with herd triage train$/],
      [JSON.stringify({ ...good, version: 2 }), /^m\.json is a version 2 triage model; this herd reads version 1$/],
      [JSON.stringify({ ...good, classifier: { ...good.classifier, weights: 'AAAA' } }), /^the model file m\.json is damaged: /],
      [JSON.stringify({ ...good, classifier: null }), /^the model file m\.json is damaged: /],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => readTriageModel('m.json', text), (error: unknown) => error instanceof AppError && message.test(error.message), text.slice(0, 40));
    }
  });

  it('refuses a stores file that is not an array of stores', () => {
    assert.throws(() => readStoresFile('s.json', '{}'), /must hold a JSON array of stores/);
    assert.throws(() => readStoresFile('s.json', '[{"spokeId": "a", "name": "A"}, {"name": "B"}]'), /s\.json, store 2: expected/);
    assert.deepEqual(readStoresFile('s.json', '[{"spokeId": "a", "name": "A"}]'), [{ spokeId: 'a', name: 'A', aliases: [], address: null, city: null }]);
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'herd-triage-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a file into the scratch folder and returns its path. */
function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe('herd triage, the command', () => {
  it('refuses two models of the same kind, and data it cannot read, before reading anything else', async () => {
    const model = JSON.stringify(trainTriageModel('retail.jsonl', RETAIL_TRAINING_POSTS, new Date(0)));
    const first = scratchFile('first.json', model);
    const second = scratchFile('second.json', model);
    await assert.rejects(triageCommand({ model: [first, second] }), { message: `two category models given (${first} and ${second}); give at most one of each` });
    const missing = join(scratch, 'missing.csv');
    await assert.rejects(triageTrainCommand({ data: missing, labelColumn: 'label', textColumn: 'text', out: join(scratch, 'm.json') }),
      (error: unknown) => error instanceof AppError && error.message.startsWith(`cannot read the data file ${missing}: ENOENT`));
    await assert.rejects(triageTrainCommand({ data: scratchFile('data.xlsx', ''), labelColumn: 'label', textColumn: 'text', out: join(scratch, 'm.json') }),
      /cannot tell the format of .*data\.xlsx: name it \.csv, \.tsv, \.jsonl or \.ndjson/);
  });

  it('trains a sentiment model from a CSV, then triages stdin with it', async () => {
    const data = scratchFile('fruit.csv', `tweet,airline_sentiment\n${sentimentRows.map(([text, label]) => `${csvField(text)},${label}`).join('\n')}\n"",positive\n`);
    const model = join(scratch, 'fruit-model.json');
    const trained = await runHerd(['triage', 'train', '--data', data, '--label-column', 'airline_sentiment', '--text-column', 'tweet', '--out', model], '');
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stderr, /^herd: trained a sentiment model on 18 example\(s\), 3 label\(s\):\n {2}negative: 6\n {2}neutral: 6\n {2}positive: 6\nherd: skipped 1 row\(s\): 1 without text, 0 without a label, 0 unreadable\nherd: took \d+\.\d s; wrote /);
    const written = JSON.parse(readFileSync(model, 'utf8')) as TriageModelFile;
    assert.equal(written.purpose, 'sentiment');

    const posts = [
      JSON.stringify({ id: 'x', text: 'so many bananas' }),
      'oops',
      JSON.stringify({ id: 'y', text: 'so many apples' }),
      JSON.stringify({ id: 'z', text: 'so many apples' }),
    ];
    const { code, stdout, stderr } = await runHerd(['triage', '--model', model], `${posts.join('\n')}\n`);
    assert.equal(code, 0, stderr);
    const answers = jsonLines(stdout);
    assert.deepEqual(answers.map((answer) => answer.id ?? answer.line), ['x', 2, 'y', 'z']);
    assert.equal(answers[0]!.sentiment.label, 'positive');
    assert.equal(answers[2]!.sentiment.label, 'negative');
    assert.equal(answers[3]!.duplicateGroup, 'y');
    assert.equal(stderr, `herd: triaged 4 post(s) with sentiment model ${model}; 1 joined an earlier post's duplicate group; 0 look like spam; 1 bad line(s) answered with {"line", "error"}\n`);
  });

  it('trains a category model from JSON lines and uses it with a stores file', async () => {
    const data = scratchFile('retail.jsonl', RETAIL_TRAINING_POSTS.map((post) => JSON.stringify({ body: post.text, category: post.label })).join('\n'));
    const model = join(scratch, 'retail-model.json');
    const trained = await runHerd(['triage', 'train', '--data', data, '--label-column', 'category', '--text-column', 'body', '--out', model], '');
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stderr, /^herd: trained a category model on 120 example\(s\), 6 label\(s\):/);
    const stores = scratchFile('stores.json', JSON.stringify([{ spokeId: 'leeds', name: 'Leeds Briggate', aliases: [], address: '47 Briggate', city: 'Leeds' }]));
    const { code, stdout, stderr } = await runHerd(['triage', '--model', model, '--stores', stores],
      `${JSON.stringify({ id: 1, text: 'The courier left my parcel at the wrong address, still no delivery from Leeds Briggate' })}\n`);
    assert.equal(code, 0, stderr);
    const [answer] = jsonLines(stdout);
    assert.equal(answer!.category?.label, 'delivery');
    assert.ok(answer!.category!.confidence > 0.3);
    assert.equal(answer!.place?.spokeId, 'leeds');
  });

  it('keeps going through odd and invalid UTF-8 input, one answer per line', async () => {
    const input = Buffer.concat([
      Buffer.from(`${JSON.stringify({ id: 1, text: 'y'.repeat(100_000) })}\n${JSON.stringify({ id: 2, text: '🔥🔥🔥' })}\n`),
      Buffer.from('{"id": 3, "text": "bad '), Buffer.from([0xff, 0xc0]), Buffer.from(' bytes"}\n'),
    ]);
    const { code, stdout } = await runHerd(['triage'], input);
    assert.equal(code, 0);
    assert.deepEqual(jsonLines(stdout).map((answer) => [answer.id, answer.category]), [[1, null], [2, null], [3, null]]);
  });

  it('refuses a file that is not a model, before reading posts, and exits 1', async () => {
    const notModel = scratchFile('not-a-model.json', '{"format": "herd-text-classifier", "version": 1}');
    const { code, stdout, stderr } = await runHerd(['triage', '--model', notModel], '{"id": 1, "text": "hi"}\n');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, `herd: ${notModel} is not a Herd triage model (no "format": "herd-triage-model"); make one with herd triage train\n`);
  });

  it('says which columns there are when the label column is missing, and exits 1', async () => {
    const data = scratchFile('columns.csv', 'text,sentiment\nhello,positive\nbye,negative\n');
    const { code, stderr } = await runHerd(['triage', 'train', '--data', data, '--label-column', 'label', '--out', join(scratch, 'never.json')], '');
    assert.equal(code, 1);
    assert.equal(stderr, `herd: ${data} has no column "label"; its columns are "text", "sentiment"\n`);
  });
});
