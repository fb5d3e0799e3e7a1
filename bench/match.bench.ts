// Benchmark of the listening matcher (src/modules/listening/query): how many posts per
// second, one core, for 10,000 and 100,000 topics, measured four ways:
//   (a) tokenizing only, the floor any matcher pays;
//   (b) the reference evaluator, every topic per post, on a sample;
//   (c) the compiled matcher;
//   (d) Postgres full-text percolation, on a small sample (postgres-percolation.ts),
//       with its answers compared to the compiled matcher's on the topics whose
//       tsquery translation loses nothing.
// Data is generated from fixed seeds (generate-listening-data.ts), so runs compare.
// Writes bench/results/match.json; docs/benchmarks.md discusses the numbers.
//
//   npm run bench:match                                    # the full run, several minutes
//   BENCH_POSTS=100000 BENCH_TOPICS=10000 npm run bench:match   # a quicker one
//   TEST_DATABASE_URL=postgres://... npm run bench:match   # (d) on a PostgreSQL server, not PGlite
// `npm run bench:match` passes --expose-gc, so the matcher's heap can be measured.
import { mkdirSync, writeFileSync } from 'node:fs';
import { compileTopics, evaluateQuery, parseQuery, tokenizePost, type MatchablePost } from '../src/modules/listening/query/index.ts';
import { PostIndex, Vocabulary } from '../src/modules/listening/query/post-index.ts';
import { brandNames, generateTopics, postChunks } from './generate-listening-data.ts';
import { describeMachine, loadAverages } from './machine.ts';
import { percolate, type PercolationResult } from './postgres-percolation.ts';

/** The targets of the issue, in posts per second on one core. */
const TARGETS = { 10_000: 100_000, 100_000: 20_000 } as Record<number, number>;

interface Scenario {
  topics: number;
  /** Distinct brands the topics and posts are about. */
  brands: number;
  posts: number;
  referenceSample: number;
  postgresSample: number;
}

const postCount = Number(process.env.BENCH_POSTS ?? 1_000_000);
const topicCounts = (process.env.BENCH_TOPICS ?? '10000,100000').split(',').map(Number);
const scenarios: Scenario[] = [
  { topics: 10_000, brands: 10_000, posts: postCount, referenceSample: 500, postgresSample: 2000 },
  { topics: 100_000, brands: 30_000, posts: postCount, referenceSample: 100, postgresSample: 300 },
].filter((scenario) => topicCounts.includes(scenario.topics));

const seconds = (since: number) => (performance.now() - since) / 1000;
const rate = (count: number, secs: number) => Math.round(count / secs);

/**
 * Adds up the wall-clock time and the CPU time of what it times. On a shared machine
 * other processes take turns on the cores, which stretches wall-clock time but not
 * CPU time; posts per CPU second is posts per second on one core. The CPU time is the
 * whole process's, so it includes the garbage collector's helper threads.
 */
class Stopwatch {
  wallSeconds = 0;
  cpuSeconds = 0;
  private wallStart = 0;
  private cpuStart = process.cpuUsage();

  start(): void {
    this.wallStart = performance.now();
    this.cpuStart = process.cpuUsage();
  }

  stop(): void {
    this.wallSeconds += seconds(this.wallStart);
    const used = process.cpuUsage(this.cpuStart);
    this.cpuSeconds += (used.user + used.system) / 1e6;
  }
}
const log = (message: string) => process.stderr.write(`${message}\n`);

/** The first `count` posts of the scenario, for the slow measurements. */
function samplePosts(brands: readonly string[], count: number): MatchablePost[] {
  return postChunks(count, brands, { chunkSize: count }).next().value ?? [];
}

async function runScenario(scenario: Scenario) {
  log(`\n${scenario.topics} topics, ${scenario.posts} posts`);
  const loadBefore = loadAverages();
  const brands = brandNames(scenario.brands);
  const topics = generateTopics(scenario.topics, brands);
  const trees = topics.map((topic) => parseQuery(topic.query as string));
  const distinctQueries = new Set(trees.map((tree) => JSON.stringify(tree))).size;

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const matcher = compileTopics(topics);
  const compileSeconds = seconds(started);
  global.gc?.();
  const matcherHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  log(`  compiled in ${compileSeconds.toFixed(2)} s`);

  // (a) and (c), on the same posts, chunk by chunk; generating them is not timed.
  const tokenizeOnly = new PostIndex(new Vocabulary());
  const tokenizing = new Stopwatch();
  const matching = new Stopwatch();
  let matches = 0;
  let postsWithMatches = 0;
  let words = 0;
  for (const chunk of postChunks(scenario.posts, brands, { chunkSize: 1000 })) {
    tokenizing.start();
    for (const post of chunk) tokenizeOnly.load(post);
    tokenizing.stop();
    matching.start();
    for (const post of chunk) {
      const found = matcher.match(post);
      matches += found.length;
      if (found.length > 0) postsWithMatches++;
    }
    matching.stop();
    for (const post of chunk) words += post.text.split(' ').length;
  }
  const tokenizePerSecond = rate(scenario.posts, tokenizing.cpuSeconds);
  const compiledPerSecond = rate(scenario.posts, matching.cpuSeconds);
  log(`  tokenize only: ${tokenizePerSecond} posts/s; compiled matcher: ${compiledPerSecond} posts/s (per CPU second; `
    + `wall clock ${rate(scenario.posts, tokenizing.wallSeconds)} and ${rate(scenario.posts, matching.wallSeconds)})`);

  // (b) The reference evaluator on a sample, checked against the compiled matcher.
  const sample = samplePosts(brands, scenario.referenceSample);
  let disagreements = 0;
  const evaluating = new Stopwatch();
  evaluating.start();
  const referenceAnswers = sample.map((post) => {
    const tokenized = tokenizePost(post);
    return trees.flatMap((tree, i) => (evaluateQuery(tree, tokenized) ? [topics[i]!.id] : []));
  });
  evaluating.stop();
  const referencePerSecond = sample.length / evaluating.cpuSeconds;
  sample.forEach((post, i) => {
    if (JSON.stringify(matcher.match(post)) !== JSON.stringify(referenceAnswers[i])) disagreements++;
  });
  log(`  reference evaluator: ${referencePerSecond.toFixed(1)} posts/s; disagreements with compiled: ${disagreements}`);

  // (d) Postgres percolation on a sample of its own, compared on the comparable topics.
  const postgresSample = samplePosts(brands, scenario.postgresSample);
  const postgres: PercolationResult = await percolate(trees, postgresSample.map((post) => post.text));
  const agreement = compareWithCompiled(postgres, postgresSample.map((post) => matcher.match(post)), topics.map((topic) => topic.id));
  log(`  postgres percolation (${postgres.engine}): ${postgres.postsPerSecond.toFixed(1)} posts/s over ${postgres.topics} topics; `
    + `${postgres.comparableTopics} comparable, agreement with compiled ${agreement.pairAgreement}`);

  const target = TARGETS[scenario.topics]!;
  return {
    topics: scenario.topics,
    brands: scenario.brands,
    posts: scenario.posts,
    distinctQueries,
    averageWordsPerPost: Number((words / scenario.posts).toFixed(1)),
    compileSeconds: Number(compileSeconds.toFixed(2)),
    matcherHeapMb: Number(matcherHeapMb.toFixed(1)),
    /** Per CPU second of this process (one core), except Postgres: wall clock, as its work is in the server. */
    postsPerSecond: {
      tokenizeOnly: tokenizePerSecond,
      referenceEvaluator: Number(referencePerSecond.toFixed(1)),
      compiledMatcher: compiledPerSecond,
      postgresPercolation: Number(postgres.postsPerSecond.toFixed(1)),
    },
    postsPerSecondWallClock: {
      tokenizeOnly: rate(scenario.posts, tokenizing.wallSeconds),
      referenceEvaluator: Number((sample.length / evaluating.wallSeconds).toFixed(1)),
      compiledMatcher: rate(scenario.posts, matching.wallSeconds),
    },
    compiledVsTokenizeOnly: Number((tokenizePerSecond / compiledPerSecond).toFixed(2)),
    matchesPerPost: Number((matches / scenario.posts).toFixed(3)),
    shareOfPostsWithMatches: Number((postsWithMatches / scenario.posts).toFixed(3)),
    samples: { referenceEvaluator: sample.length, postgresPercolation: postgres.posts, compiledDisagreesWithReference: disagreements },
    postgres: {
      engine: postgres.engine,
      setupSeconds: Number(postgres.setupSeconds.toFixed(2)),
      topicsScanned: postgres.topics,
      comparableTopics: postgres.comparableTopics,
      excludedTopics: postgres.topics - postgres.comparableTopics,
      excludedBecause: postgres.excludedBecause,
      agreementOnComparableTopics: agreement,
    },
    loadAverage: { before: loadBefore, after: loadAverages() },
    target: {
      postsPerSecond: target,
      met: compiledPerSecond >= target && (scenario.topics !== 10_000 || tokenizePerSecond / compiledPerSecond <= 3),
      ...(scenario.topics === 10_000 ? { withinTimesTokenizeOnly: 3 } : {}),
    },
  };
}

/**
 * How far Postgres and the compiled matcher agree, on the comparable topics only:
 * (post, topic) pairs both report, or only one; posts whose topic sets are the same;
 * and a few disagreements to look at.
 */
function compareWithCompiled(postgres: PercolationResult, compiledIds: string[][], topicIds: readonly string[]) {
  const topicNumber = new Map(topicIds.map((id, i) => [id, i]));
  let both = 0;
  let onlyPostgres = 0;
  let onlyCompiled = 0;
  let postsAgreeing = 0;
  let compiledMatches = 0;
  const examples: { post: number; topic: string; foundBy: 'postgres' | 'compiled' }[] = [];
  compiledIds.forEach((ids, post) => {
    const byPostgres = new Set(postgres.comparableMatches[post]);
    const byCompiled = new Set(ids.map((id) => topicNumber.get(id)!).filter((topic) => postgres.comparable[topic]));
    compiledMatches += byCompiled.size;
    let same = byPostgres.size === byCompiled.size;
    for (const topic of byCompiled) {
      if (byPostgres.has(topic)) both++;
      else {
        onlyCompiled++;
        same = false;
        if (examples.length < 5) examples.push({ post, topic: topicIds[topic]!, foundBy: 'compiled' });
      }
    }
    for (const topic of byPostgres) {
      if (byCompiled.has(topic)) continue;
      onlyPostgres++;
      same = false;
      if (examples.length < 5) examples.push({ post, topic: topicIds[topic]!, foundBy: 'postgres' });
    }
    if (same) postsAgreeing++;
  });
  const posts = compiledIds.length;
  return {
    postsAgreeing: Number((postsAgreeing / posts).toFixed(4)),
    pairsFoundByBoth: both,
    pairsOnlyPostgres: onlyPostgres,
    pairsOnlyCompiled: onlyCompiled,
    /** Pairs found by both, of the pairs found by either. */
    pairAgreement: Number((both / Math.max(1, both + onlyPostgres + onlyCompiled)).toFixed(4)),
    matchesPerPost: { postgres: Number(((both + onlyPostgres) / posts).toFixed(3)), compiled: Number((compiledMatches / posts).toFixed(3)) },
    examples,
  };
}

const startedAt = new Date();
const loadBefore = loadAverages();
const results = [];
for (const scenario of scenarios) results.push(await runScenario(scenario));
const report = {
  date: startedAt.toISOString(),
  machine: describeMachine(loadBefore),
  totalSeconds: Number(((Date.now() - startedAt.getTime()) / 1000).toFixed(1)),
  results,
};
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/match.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
