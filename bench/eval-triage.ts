// Evaluation of triage's learning classifier (src/modules/triage/classifier) on public
// data sets, against the targets of the triage issue:
//   - as a trainable sentiment model: macro-F1 ≥ 0.75 on the US airline tweets (3 classes);
//   - as a category model: BANKING77 accuracy ≥ 88% with all training data (77 intents),
//     and the airline tweets' complaint reasons;
//   - learning curves at 10, 100, 1,000 and all training examples.
// Sentiment is compared with the out-of-the-box engine (src/modules/triage/sentiment,
// when it exists), plain VADER and the majority class.
//
// The data is not in the repository: it is read from ../shared/eval-data (or
// $TRIAGE_EVAL_DATA), searched recursively for the well-known files:
//   Tweets.csv                                 Twitter US Airline Sentiment (airline_sentiment, negativereason, text)
//   sentiment/{train,val,test}_{text,labels}.txt   TweetEval sentiment (labels 0 negative, 1 neutral, 2 positive)
//   train.csv, test.csv (text,category)       BANKING77
// Without the folder it says what it expected and exits 0, writing nothing. With it, it
// writes bench/results/triage.json and its part of docs/evaluation.md.
//
//   npm run eval:triage                 # the evaluation
//   npm run eval:triage -- --speed      # only the speed measurement, on synthetic posts (no data needed)
//   EVAL_FOLDS=3 npm run eval:triage    # fewer folds, for a quicker run
//   TRIAGE_EVAL_DATA=dir TRIAGE_EVAL_OUTPUT=out npm run eval:triage   # other data, outputs elsewhere
//   TRIAGE_CLASSIFIER_OPTIONS='{"epochs":10}' npm run eval:triage     # other classifier options
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  accuracy,
  createClassifier,
  expectedCalibrationError,
  macroF1,
  macroRecall,
  stratifiedKFold,
  stratifiedSample,
  type ClassifierOptions,
  type LabeledText,
} from '../src/modules/triage/classifier/index.ts';
import { RETAIL_HELD_OUT_POSTS, RETAIL_TRAINING_POSTS } from '../src/modules/triage/classifier/retail-posts.fixture.ts';
import { perturbedPosts } from '../src/modules/triage/classifier/synthetic-posts.ts';
import { analyzeSentiment } from '../src/modules/triage/index.ts';
import { withEvaluationPart } from './evaluation-page.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = resolve(process.env.TRIAGE_EVAL_DATA ?? join(REPO_ROOT, '../shared/eval-data'));
// TRIAGE_EVAL_OUTPUT puts both outputs in one other folder (for trying the harness on made-up data).
const OUTPUT_DIR = process.env.TRIAGE_EVAL_OUTPUT ? resolve(process.env.TRIAGE_EVAL_OUTPUT) : null;
const RESULTS_FILE = OUTPUT_DIR ? join(OUTPUT_DIR, 'triage.json') : join(REPO_ROOT, 'bench/results/triage.json');
const DOC_FILE = OUTPUT_DIR ? join(OUTPUT_DIR, 'evaluation.md') : join(REPO_ROOT, 'docs/evaluation.md');
const FOLDS = Number(process.env.EVAL_FOLDS ?? 5);
const CURVE_SIZES = [10, 100, 1_000, Infinity];
/** Classifier options to try, as JSON (e.g. '{"epochs":10,"l2":1e-6}'); the defaults otherwise. */
const CLASSIFIER_OPTIONS = JSON.parse(process.env.TRIAGE_CLASSIFIER_OPTIONS ?? '{}') as ClassifierOptions;
const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'];

const TARGETS = {
  airlineSentimentMacroF1: 0.75,
  banking77Accuracy: 0.88,
  predictMilliseconds: 1,
};

const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- finding the data

/** Every file under `root` by base name (hidden folders and node_modules skipped). */
function filesByName(root: string, depth = 6): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (folder: string, level: number) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && level < depth) walk(path, level + 1);
      else if (entry.isFile()) found.set(entry.name.toLowerCase(), [...(found.get(entry.name.toLowerCase()) ?? []), path]);
    }
  };
  walk(root, 0);
  return found;
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true, bom: true });
}

const csvHeader = (path: string) => readFileSync(path, 'utf8').slice(0, 2_000).split(/\r?\n/)[0]!.toLowerCase();
const readLines = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1);

interface AirlineTweet {
  text: string;
  sentiment: string;
  reason: string;
}

/** The airlines' own handles: the tweets are addressed to them, so a handle gives away the airline, not the sentiment. */
const AIRLINE_HANDLES = /@(united|usairways|americanair|southwestair|jetblue|virginamerica|delta)\b/gi;

function loadAirline(path: string): AirlineTweet[] {
  return readCsv(path)
    .filter((row) => row.text && row.airline_sentiment)
    .map((row) => ({ text: row.text!.replace(AIRLINE_HANDLES, ' '), sentiment: row.airline_sentiment!.trim(), reason: (row.negativereason ?? '').trim() }));
}

/** Removes the literal reason names from the texts (the data set wrote "Late Flight" into tweets). */
function maskPhrases(text: string, phrases: readonly string[]): string {
  let masked = text;
  for (const phrase of phrases) {
    masked = masked.replace(new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ');
  }
  return masked;
}

interface SplitData {
  train: LabeledText[];
  test: LabeledText[];
  source: string;
}

function loadTweetEval(files: Map<string, string[]>): SplitData | null {
  const candidates = (files.get('train_text.txt') ?? []).filter((path) => /sentiment/i.test(path));
  for (const trainText of candidates) {
    const folder = dirname(trainText);
    const needed = ['train_labels.txt', 'test_text.txt', 'test_labels.txt'].map((name) => join(folder, name));
    if (!needed.every((path) => existsSync(path))) continue;
    const read = (textPath: string, labelPath: string) => {
      const texts = readLines(textPath);
      const labels = readLines(labelPath);
      return texts.flatMap((text, i) => {
        const label = SENTIMENT_LABELS[Number(labels[i])];
        return label ? [{ text, label }] : [];
      });
    };
    return { train: read(trainText, needed[0]!), test: read(needed[1]!, needed[2]!), source: folder };
  }
  return null;
}

function loadBanking77(files: Map<string, string[]>): SplitData | null {
  for (const trainPath of files.get('train.csv') ?? []) {
    const testPath = join(dirname(trainPath), 'test.csv');
    const header = csvHeader(trainPath);
    if (!existsSync(testPath) || !header.includes('text') || !header.includes('category')) continue;
    const read = (path: string) => readCsv(path).filter((row) => row.text && row.category).map((row) => ({ text: row.text!, label: row.category!.trim() }));
    return { train: read(trainPath), test: read(testPath), source: dirname(trainPath) };
  }
  return null;
}

// ---------------------------------------------------------------- running the models

interface Stat {
  mean: number;
  sd: number;
}
const stat = (values: number[]): Stat => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean: round(mean), sd: round(sd) };
};

interface Scores {
  accuracy: number;
  macroF1: number;
  macroRecall: number;
}

function score(gold: string[], predicted: string[], labels?: string[]): Scores {
  return { accuracy: accuracy(gold, predicted), macroF1: macroF1(gold, predicted, labels), macroRecall: macroRecall(gold, predicted, labels) };
}

interface CurvePoint {
  size: number | 'all';
  trainExamples: number;
  runs: number;
  accuracy: Stat;
  macroF1: Stat;
  macroRecall: Stat;
  /** Expected calibration error of the confidences. */
  calibrationError: Stat;
  trainSeconds: Stat;
}

interface Run {
  train: LabeledText[];
  test: LabeledText[];
  seed: number;
}

/** Trains on growing stratified samples of each run's training set and scores its test set. */
function learningCurve(runs: Run[], labels?: string[]): CurvePoint[] {
  return CURVE_SIZES.map((size) => {
    const results = runs.map(({ train, test, seed }) => {
      const trainLabels = train.map((example) => example.label);
      const sample = stratifiedSample(train.map((_, i) => i), trainLabels, size, seed).map((i) => train[i]!);
      const classifier = createClassifier({ ...CLASSIFIER_OPTIONS, seed });
      const started = performance.now();
      classifier.retrain(sample);
      const trainSeconds = (performance.now() - started) / 1000;
      const predictions = test.map((example) => classifier.predict(example.text, { explain: false }));
      const predicted = predictions.map((prediction) => prediction.label ?? '');
      const gold = test.map((example) => example.label);
      const calibration = expectedCalibrationError(predictions.map((p) => p.confidence), predicted.map((label, i) => label === gold[i]));
      return { ...score(gold, predicted, labels), calibration, trainSeconds, trainExamples: sample.length };
    });
    const point: CurvePoint = {
      size: size === Infinity ? 'all' : size,
      trainExamples: Math.round(results.reduce((sum, r) => sum + r.trainExamples, 0) / results.length),
      runs: results.length,
      accuracy: stat(results.map((r) => r.accuracy)),
      macroF1: stat(results.map((r) => r.macroF1)),
      macroRecall: stat(results.map((r) => r.macroRecall)),
      calibrationError: stat(results.map((r) => r.calibration)),
      trainSeconds: stat(results.map((r) => r.trainSeconds)),
    };
    log(`    ${String(point.size).padStart(5)}: accuracy ${point.accuracy.mean.toFixed(3)}, macro-F1 ${point.macroF1.mean.toFixed(3)}, trained in ${point.trainSeconds.mean.toFixed(2)} s`);
    return point;
  });
}

function crossValidationRuns(examples: LabeledText[]): Run[] {
  return stratifiedKFold(examples.map((example) => example.label), FOLDS, 1).map((fold, i) => ({
    train: fold.train.map((index) => examples[index]!),
    test: fold.test.map((index) => examples[index]!),
    seed: i + 1,
  }));
}

/** The official split, trained FOLDS times with different samples and seeds. */
const repeatedRuns = (data: SplitData): Run[] => Array.from({ length: FOLDS }, (_, i) => ({ train: data.train, test: data.test, seed: i + 1 }));

type SentimentFunction = (text: string) => Promise<string> | string;

/** The out-of-the-box engines: Herd's sentiment, plain VADER. */
async function sentimentBaselines(): Promise<{ engines: Record<string, SentimentFunction>; notes: string[] }> {
  const engines: Record<string, SentimentFunction> = {};
  const notes: string[] = [];
  engines.herdSentiment = (text) => analyzeSentiment(text).label;
  try {
    const vaderModule = 'vader-sentiment';
    const vader = (await import(vaderModule)) as { default?: VaderModule } & VaderModule;
    const analyzer = (vader.default ?? vader).SentimentIntensityAnalyzer;
    engines.vader = (text) => {
      const compound = analyzer.polarity_scores(text).compound;
      return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
    };
  } catch {
    notes.push('vader-sentiment is not installed (npm install): no VADER baseline');
  }
  return { engines, notes };
}

interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}

async function baselineScores(runs: Run[], engines: Record<string, SentimentFunction>) {
  const out: Record<string, { accuracy: Stat; macroF1: Stat; macroRecall: Stat }> = {};
  const summarize = (all: Scores[]) => ({
    accuracy: stat(all.map((s) => s.accuracy)),
    macroF1: stat(all.map((s) => s.macroF1)),
    macroRecall: stat(all.map((s) => s.macroRecall)),
  });
  out.majorityClass = summarize(runs.map(({ train, test }) => {
    const counts = new Map<string, number>();
    for (const { label } of train) counts.set(label, (counts.get(label) ?? 0) + 1);
    const majority = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    return score(test.map((e) => e.label), test.map(() => majority), SENTIMENT_LABELS);
  }));
  // The engines do not train, so one pass over each distinct test set is enough.
  const distinctTests = [...new Set(runs.map((run) => run.test))];
  for (const [name, analyze] of Object.entries(engines)) {
    const all: Scores[] = [];
    for (const test of distinctTests) {
      const predicted: string[] = [];
      for (const example of test) predicted.push(await analyze(example.text));
      all.push(score(test.map((e) => e.label), predicted, SENTIMENT_LABELS));
    }
    out[name] = summarize(all);
    log(`    ${name}: accuracy ${out[name].accuracy.mean.toFixed(3)}, macro-F1 ${out[name].macroF1.mean.toFixed(3)}`);
  }
  return out;
}

// ---------------------------------------------------------------- speed

/** Training and prediction speed on synthetic posts perturbed from the retail fixture. */
function measureSpeed() {
  const posts = perturbedPosts(RETAIL_TRAINING_POSTS, 10_000);
  // 77 labels, as in BANKING77: each label marked by two words of its own.
  const manyLabels = posts.map((post, i) => ({ text: `${post.text} code${i % 77}x zq${(i * 7) % 77}w`, label: `intent-${i % 77}` }));
  const texts = RETAIL_HELD_OUT_POSTS.map((post) => post.text);
  const measure = (name: string, examples: LabeledText[]) => {
    const classifier = createClassifier(CLASSIFIER_OPTIONS);
    let started = performance.now();
    classifier.retrain(examples);
    const retrainSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    classifier.learn(examples.slice(0, 100));
    const learn100Seconds = (performance.now() - started) / 1000;
    const timePredict = (explain: boolean) => {
      for (let i = 0; i < 2_000; i++) classifier.predict(texts[i % texts.length]!, { explain });
      const count = 20_000;
      started = performance.now();
      for (let i = 0; i < count; i++) classifier.predict(texts[i % texts.length]!, { explain });
      return (performance.now() - started) / count;
    };
    const result = {
      examples: examples.length,
      labels: classifier.labels.length,
      featureRows: classifier.featureCount,
      retrainSeconds: round(retrainSeconds, 2),
      learn100Seconds: round(learn100Seconds, 3),
      predictMilliseconds: round(timePredict(true), 4),
      predictWithoutReasonsMilliseconds: round(timePredict(false), 4),
      serializedMegabytes: round(JSON.stringify(classifier.toJSON()).length / 1e6, 1),
    };
    log(`  ${name}: ${JSON.stringify(result)}`);
    return result;
  };
  log('Speed on 10,000 synthetic posts (one core):');
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((load) => round(load, 1)),
    sixLabels: measure('6 labels', posts),
    seventySevenLabels: measure('77 labels', manyLabels),
  };
}

// ---------------------------------------------------------------- report

type Results = Awaited<ReturnType<typeof evaluate>>;

function renderMarkdown(results: Results): string {
  const pct = (s: Stat) => `${(s.mean * 100).toFixed(1)} ± ${(s.sd * 100).toFixed(1)}`;
  const curveTable = (curve: CurvePoint[]) => [
    '| training examples | accuracy % | macro-F1 % | macro-recall % | calibration error | train s |',
    '| --- | --- | --- | --- | --- | --- |',
    ...curve.map((p) => `| ${p.size === 'all' ? `all (${p.trainExamples})` : p.size} | ${pct(p.accuracy)} | ${pct(p.macroF1)} | ${pct(p.macroRecall)} | ${p.calibrationError.mean.toFixed(3)} | ${p.trainSeconds.mean.toFixed(2)} |`),
  ].join('\n');
  const baselineTable = (baselines: Record<string, { accuracy: Stat; macroF1: Stat; macroRecall: Stat }>) => [
    '| engine | accuracy % | macro-F1 % | macro-recall % |',
    '| --- | --- | --- | --- |',
    ...Object.entries(baselines).map(([name, s]) => `| ${name} | ${pct(s.accuracy)} | ${pct(s.macroF1)} | ${pct(s.macroRecall)} |`),
  ].join('\n');
  const sections = Object.entries(results.datasets).map(([name, dataset]) => [
    `#### ${name}`,
    '',
    `${dataset.description} ${dataset.examples} examples, ${dataset.labels} labels; ${dataset.protocol}`,
    '',
    curveTable(dataset.curve),
    ...('baselines' in dataset && dataset.baselines ? ['', 'Out-of-the-box engines (no training) on the same test sets:', '', baselineTable(dataset.baselines)] : []),
  ].join('\n'));
  return [
    '## Triage classifier',
    '',
    'Generated by `npm run eval:triage` (bench/eval-triage.ts) on ' + results.generatedAt + '; raw numbers in `bench/results/triage.json`.',
    '',
    '### Method',
    '',
    '- The classifier (src/modules/triage/classifier) is trained inside the run: for each data set, learning curves at 10, 100, 1,000 and all training examples (stratified samples), ' +
      `${FOLDS}-fold stratified cross-validation where the data set has no official split, ${FOLDS} repeated samples on the official test split where it has one. Values are mean ± standard deviation over the runs.`,
    '- Leaked label text is masked: the airlines\' @handles are removed from the tweets, and for the complaint-reason task the literal reason names (the data set wrote "Late Flight" into tweets).',
    '- Metrics: accuracy, macro-F1 and macro-recall (TweetEval\'s official metric) over the data set\'s labels; calibration error is the expected calibration error of the confidences (10 bins).',
    '',
    '### Targets',
    '',
    '| target | result | met |',
    '| --- | --- | --- |',
    ...results.targets.map((t) => `| ${t.name} | ${t.value === null ? 'no data' : t.value} | ${t.met === null ? '–' : t.met ? 'yes' : 'no'} |`),
    '',
    '### Results',
    '',
    ...sections.flatMap((section) => [section, '']),
    '### Speed',
    '',
    '```json',
    JSON.stringify(results.speed, null, 2),
    '```',
    '',
    ...(results.notes.length > 0 ? ['### Notes', '', ...results.notes.map((note) => `- ${note}`), ''] : []),
  ].join('\n');
}

async function evaluate(files: Map<string, string[]>, readme: string | null) {
  const datasets: Record<string, {
    description: string;
    source: string;
    examples: number;
    labels: number;
    protocol: string;
    curve: CurvePoint[];
    baselines?: Awaited<ReturnType<typeof baselineScores>>;
  }> = {};
  const notes: string[] = [];
  const { engines, notes: engineNotes } = await sentimentBaselines();
  notes.push(...engineNotes);
  const relativeSource = (path: string) => relative(DATA_DIR, path) || '.';

  const airlinePath = files.get('tweets.csv')?.[0];
  if (airlinePath) {
    const tweets = loadAirline(airlinePath);
    log(`US airline sentiment (${tweets.length} tweets), as sentiment model:`);
    const sentiment = tweets.map((tweet) => ({ text: tweet.text, label: tweet.sentiment }));
    const runs = crossValidationRuns(sentiment);
    datasets.airlineSentiment = {
      description: 'Twitter US Airline Sentiment, sentiment (negative, neutral, positive).',
      source: relativeSource(airlinePath),
      examples: sentiment.length,
      labels: new Set(sentiment.map((e) => e.label)).size,
      protocol: `${FOLDS}-fold stratified cross-validation.`,
      curve: learningCurve(runs, SENTIMENT_LABELS),
      baselines: await baselineScores(runs, engines),
    };
    const reasons = [...new Set(tweets.map((tweet) => tweet.reason))].filter((reason) => reason !== '' && !/can'?t tell/i.test(reason));
    const categories = tweets
      .filter((tweet) => reasons.includes(tweet.reason))
      .map((tweet) => ({ text: maskPhrases(tweet.text, reasons), label: tweet.reason }));
    log(`US airline complaint reasons (${categories.length} negative tweets, ${reasons.length} reasons), as category model:`);
    datasets.airlineReasons = {
      description: 'Twitter US Airline Sentiment, negative tweets by complaint reason ("Can\'t Tell" left out; reason names masked in the text).',
      source: relativeSource(airlinePath),
      examples: categories.length,
      labels: reasons.length,
      protocol: `${FOLDS}-fold stratified cross-validation.`,
      curve: learningCurve(crossValidationRuns(categories)),
    };
  } else notes.push('Tweets.csv (Twitter US Airline Sentiment) not found');

  const tweetEval = loadTweetEval(files);
  if (tweetEval) {
    log(`TweetEval sentiment (${tweetEval.train.length} train, ${tweetEval.test.length} test):`);
    const runs = repeatedRuns(tweetEval);
    datasets.tweetEvalSentiment = {
      description: 'TweetEval sentiment (SemEval-2017 task 4A).',
      source: relativeSource(tweetEval.source),
      examples: tweetEval.train.length + tweetEval.test.length,
      labels: 3,
      protocol: `official train/test split, ${FOLDS} runs with different samples and seeds.`,
      curve: learningCurve(runs, SENTIMENT_LABELS),
      baselines: await baselineScores(runs.slice(0, 1), engines),
    };
  } else notes.push('TweetEval sentiment (…/sentiment/train_text.txt, train_labels.txt, test_text.txt, test_labels.txt) not found');

  const banking = loadBanking77(files);
  if (banking) {
    log(`BANKING77 (${banking.train.length} train, ${banking.test.length} test):`);
    datasets.banking77 = {
      description: 'BANKING77, 77 banking intents.',
      source: relativeSource(banking.source),
      examples: banking.train.length + banking.test.length,
      labels: new Set(banking.train.map((e) => e.label)).size,
      protocol: `official train/test split, ${FOLDS} runs with different samples and seeds.`,
      curve: learningCurve(repeatedRuns(banking)),
    };
  } else notes.push('BANKING77 (train.csv and test.csv with columns text,category) not found');

  const speed = measureSpeed();
  const allPoint = (curve: CurvePoint[] | undefined) => curve?.find((point) => point.size === 'all');
  const airlineF1 = allPoint(datasets.airlineSentiment?.curve)?.macroF1.mean ?? null;
  const bankingAccuracy = allPoint(datasets.banking77?.curve)?.accuracy.mean ?? null;
  const predictMs = speed.sixLabels.predictMilliseconds;
  const targets = [
    { name: `US airline sentiment macro-F1 ≥ ${TARGETS.airlineSentimentMacroF1}`, value: airlineF1, met: airlineF1 === null ? null : airlineF1 >= TARGETS.airlineSentimentMacroF1 },
    { name: `BANKING77 accuracy ≥ ${TARGETS.banking77Accuracy}`, value: bankingAccuracy, met: bankingAccuracy === null ? null : bankingAccuracy >= TARGETS.banking77Accuracy },
    { name: `predict one post < ${TARGETS.predictMilliseconds} ms`, value: predictMs, met: predictMs < TARGETS.predictMilliseconds },
  ];
  return {
    generatedAt: new Date().toISOString(),
    dataDir: DATA_DIR,
    readme,
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    classifierOptions: createClassifier(CLASSIFIER_OPTIONS).options,
    targets,
    datasets,
    speed,
    notes,
  };
}

async function main() {
  if (process.argv.includes('--speed')) {
    console.log(JSON.stringify(measureSpeed(), null, 2));
    return;
  }
  if (!existsSync(DATA_DIR) || !statSync(DATA_DIR).isDirectory()) {
    log([
      `No evaluation data: ${DATA_DIR} does not exist (set TRIAGE_EVAL_DATA to use another folder).`,
      'Expected there, in any sub-folder, with a README describing them:',
      '  Tweets.csv                       Twitter US Airline Sentiment (columns airline_sentiment, negativereason, text)',
      '  sentiment/train_text.txt, train_labels.txt, test_text.txt, test_labels.txt   TweetEval sentiment (0 negative, 1 neutral, 2 positive)',
      '  train.csv, test.csv              BANKING77 (columns text, category)',
      'Nothing was written. `npm run eval:triage -- --speed` measures speed without data.',
    ].join('\n'));
    return;
  }
  const files = filesByName(DATA_DIR);
  const readmePath = [...files.entries()].filter(([name]) => name.startsWith('readme')).flatMap(([, paths]) => paths)
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  const readme = readmePath ? readFileSync(readmePath, 'utf8') : null;
  if (readme) log(`${basename(readmePath!)}:\n${readme.split('\n').slice(0, 30).join('\n')}\n`);
  const results = await evaluate(files, readme ? readme.slice(0, 4_000) : null);
  if (Object.keys(results.datasets).length === 0) {
    log(`None of the expected files were found under ${DATA_DIR}: ${results.notes.join('; ')}. Nothing was written.`);
    return;
  }
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  mkdirSync(dirname(DOC_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(DOC_FILE, withEvaluationPart(existsSync(DOC_FILE) ? readFileSync(DOC_FILE, 'utf8') : '# Evaluations\n', 'triage', renderMarkdown(results)));
  log(`\nWrote ${relative(REPO_ROOT, RESULTS_FILE)} and ${relative(REPO_ROOT, DOC_FILE)}`);
}

await main();
