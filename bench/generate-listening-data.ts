// Deterministic listening data for benchmarks: brand-monitoring topics of the kinds
// people write (brand names and handles, product phrases, exclusions, NEAR, wildcards,
// field filters) and social posts of realistic length with hashtags, handles, links and
// emoji, some mentioning the brands. The same seed always gives the same data; posts
// come in chunks so a million of them never sit in memory at once.
import type { MatchablePost, TopicQuery } from '../src/modules/listening/query/index.ts';

/** A small, fast, seedable generator (mulberry32): benchmarks must be repeatable. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Zipf-like: index 0 is the most likely, as with words in real text. */
  pickSkewed<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.next() ** 2.5)]!;
  }
}

const SYLLABLES = ['ka', 'lo', 'ra', 'zen', 'trix', 'vex', 'on', 'mi', 'no', 'sol', 'te', 'quin', 'bel', 'dor', 'fy', 'ly', 'nex', 'or', 'pix', 'qua', 'ri', 'sta', 'tu', 'vo', 'wy', 'xa', 'yo', 'zu', 'mar', 'gen', 'cor', 'lux', 'ver', 'sy', 'tal', 'bri'];
const PRODUCT_WORDS = ['pro', 'max', 'air', 'mini', 'plus', 'one', 'go', 'ultra', 'lite', 'home', 'care', 'pay', 'bank', 'drive', 'fit', 'cloud', 'app', 'card', 'phone', 'watch'];
const COMMON_WORDS = `the to and a i of is it you that in my for this on with was be have not but are so just me at
like can they get all your if we what out about do no up one from now time has more love good
when will people day really would new know see been there its think how some great today our them
back after got only their going want need still make over even never because here first why well
much dont way too any thank best last who right into better did thanks other year could off work
then also where again than very service order customer app phone help delivery late refund price
store money free week update account support days hours waiting problem issue broken amazing awful
terrible happy worst new launch review deal sale shipping package return box card fast slow quality
buy bought paid call email team experience recommend finally already yesterday tomorrow morning`.split(/\s+/);
const HASHTAGS = ['#fail', '#help', '#love', '#deal', '#customerservice', '#sale', '#review', '#tech', '#monday', '#news', '#refund', '#travel', '#food', '#gaming'];
const EMOJI = ['😂', '❤️', '😍', '🙄', '😡', '👍', '👍🏽', '🔥', '🙏', '😭', '💯', '🎉', '👩‍💻', '🇫🇷', '🤔'];
const LINK_HOSTS = ['t.co', 'youtu.be', 'www.youtube.com', 'instagram.com', 'news.example.org', 'blog.example.net'];
const LANGS = ['en', 'en', 'en', 'en', 'en-GB', 'en-US', 'es', 'fr', 'de', 'pt-BR', 'it'];
const SOURCES = ['twitter', 'twitter', 'twitter', 'reddit', 'instagram', 'facebook', 'news', 'forum', 'rss'];
const PLACES = ['Paris, France', 'New York', 'London', 'São Paulo, Brazil', 'Berlin', 'Lyon', 'Toronto', 'Madrid'];
const TOPIC_CONTEXT = ['refund*', '"money back"', 'return*', 'late', 'broken', 'price*', 'delivery', '"customer service"', 'love', 'awful', 'cancel*', 'support', 'app', 'outage', 'down'];
const EXCLUSIONS = ['spam', 'job', 'hiring', '"giveaway"', 'crypto', '#ad', 'lottery'];

/** Brand names made of syllables: about as many distinct ones as topics. */
export function brandNames(count: number, seed = 7): string[] {
  const random = new SeededRandom(seed);
  const names = new Set<string>();
  while (names.size < count) {
    const syllables = random.between(2, 3);
    let name = '';
    for (let i = 0; i < syllables; i++) name += random.pick(SYLLABLES);
    if (name.length >= 5) names.add(name);
  }
  return [...names];
}

/** Topics about `brands` (every brand gets topics, cycling when there are more topics). */
export function generateTopics(count: number, brands: readonly string[], seed = 11): TopicQuery[] {
  const random = new SeededRandom(seed);
  const topics: TopicQuery[] = [];
  for (let i = 0; i < count; i++) {
    const brand = brands[i % brands.length]!;
    const product = `"${brand} ${random.pick(PRODUCT_WORDS)}"`;
    const context = () => `(${[random.pick(TOPIC_CONTEXT), random.pick(TOPIC_CONTEXT), random.pick(TOPIC_CONTEXT)].join(' OR ')})`;
    const exclusion = () => (random.chance(0.5) ? ` NOT ${random.pick(EXCLUSIONS)}` : '');
    const shape = random.int(100);
    let query: string;
    if (shape < 25) query = `${brand} OR @${brand} OR #${brand}${exclusion()}`;
    else if (shape < 45) query = `(${brand} OR ${product}) AND ${context()}${exclusion()}`;
    else if (shape < 55) query = `${brand} NEAR/3 (late OR slow OR broken OR down)`;
    else if (shape < 63) query = `${product} lang:${random.pick(['en', 'fr', 'de', 'es'])}`;
    else if (shape < 71) query = `${brand} (love OR amazing OR great OR best) NOT (job OR hiring)`;
    else if (shape < 77) query = `${brand} followers:[${random.pick([1000, 10000, 50000])} TO *]`;
    else if (shape < 83) query = `site:${brand}.com OR ${brand}.com OR https://${brand}.com/help*`;
    else if (shape < 90) query = `${brand}* AND ${context()}`;
    else if (shape < 95) query = `(@${brand} OR @${brand}support) source:${random.pick(SOURCES)}${exclusion()}`;
    else if (shape < 99) query = `"${brand}" ONEAR/2 (app OR card OR ${random.pick(PRODUCT_WORDS)})`;
    // A few topics look only at metadata: the matcher must check them for every post.
    else query = `source:${random.pick(SOURCES)} followers:[${random.pick([100000, 500000])} TO *] place:${random.pick(['paris', 'london', 'berlin'])}`;
    topics.push({ id: `topic-${i}`, query });
  }
  return topics;
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** One post: 10 to 60 words of everyday text, sometimes about a brand. */
function generatePost(random: SeededRandom, brands: readonly string[]): MatchablePost {
  const words: string[] = [];
  const length = random.between(10, 60);
  const brand = random.chance(0.35) ? random.pickSkewed(brands) : undefined;
  for (let i = 0; i < length; i++) {
    const roll = random.next();
    if (brand !== undefined && roll < 0.06) words.push(random.pick([brand, capitalize(brand), `@${brand}`, `#${brand}`, `${capitalize(brand)} ${random.pick(PRODUCT_WORDS)}`]));
    else if (roll < 0.1) words.push(random.pick(HASHTAGS));
    else if (roll < 0.12) words.push(`@user${random.int(100000)}`);
    else if (roll < 0.15) words.push(random.pick(EMOJI));
    else if (roll < 0.16) words.push(`https://${brand !== undefined && random.chance(0.5) ? `${brand}.com` : random.pick(LINK_HOSTS)}/${random.int(1e9).toString(36)}`);
    else if (roll < 0.2) words.push(capitalize(random.pickSkewed(COMMON_WORDS)));
    else words.push(random.pickSkewed(COMMON_WORDS));
    if (random.chance(0.08)) words[words.length - 1] += random.pick([',', '.', '!', '?', '...']);
  }
  const post: MatchablePost = {
    text: words.join(' '),
    author: `user${random.int(100000)}`,
    lang: random.pick(LANGS),
    source: random.pick(SOURCES),
    followers: Math.floor(10 ** (random.next() * 6)),
  };
  if (random.chance(0.3)) post.site = random.pick(LINK_HOSTS);
  if (random.chance(0.2)) post.place = random.pick(PLACES);
  return post;
}

/** `total` posts in arrays of `chunkSize`; the same seed gives the same posts. */
export function* postChunks(total: number, brands: readonly string[], { seed = 13, chunkSize = 10_000 } = {}): Generator<MatchablePost[]> {
  const random = new SeededRandom(seed);
  for (let done = 0; done < total; done += chunkSize) {
    const size = Math.min(chunkSize, total - done);
    const chunk = new Array<MatchablePost>(size);
    for (let i = 0; i < size; i++) chunk[i] = generatePost(random, brands);
    yield chunk;
  }
}
