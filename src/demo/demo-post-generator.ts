// The demo stream's posts, one per position, written from the vocabulary by a seeded
// generator: post n is the same on every run and every machine, so a restarted stream
// carries on at its position and never sends a post twice (its external id is its
// position). The stream opens with a handful of posts chosen to reach people at once
// (a German and a French question for the Social Hub's volunteer, a late parcel, an
// influencer's complaint ...), then mixes every category, store, language and tone,
// with influencers, follow-ups, spam and competitor chatter; a few minutes in, a
// burst of posts about an AquaBoil kettle recall is the stream's one small crisis.
import { seededRandom } from '../seeded-random.ts';
import {
  appliances, authorNames, brandNames, closers, clothing, crisisAlarm, crisisInfluencer, followUps, handles, influencers, sites, staffNames,
  storeMentions, templates, weekdays, type DemoAuthor, type DemoLanguage, type DemoSubject, type DemoTemplate, type DemoTone,
} from './demo-post-vocabulary.ts';

/** What a post was written to be, for tests and for reading the stream. */
export interface DemoIntent {
  subject: DemoSubject;
  language: DemoLanguage;
  tone: DemoTone;
  /** The store spoke the post names, if it names one. */
  store: string | null;
  influencer: boolean;
  /** Chasing an earlier post of the same author, in its thread. */
  followUp: boolean;
}

export interface DemoPost {
  index: number;
  /** How long after the previous post (the first: after the stream starts) this one is sent. */
  gapMs: number;
  externalId: string;
  text: string;
  url: string;
  site: string;
  author: DemoAuthor;
  inReplyToExternalId?: string;
  intent: DemoIntent;
}

export const DEMO_STREAM_SEED = 20_260_101;
/** The first posts come every few seconds, so someone signed in sees work arrive within the first minute. */
export const OPENING_LENGTH = 10;
/** The crisis burst: posts CRISIS_START .. CRISIS_START + CRISIS_LENGTH - 1, about seven minutes in. */
export const CRISIS_START = 72;
export const CRISIS_LENGTH = 24;
/** After this many posts (about an hour) the stream calms down to a post every minute or so. */
export const LIVELY_LENGTH = 600;

const inCrisis = (index: number) => index >= CRISIS_START && index < CRISIS_START + CRISIS_LENGTH;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function weighted<T extends string>(random: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let left = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    left -= weight;
    if (left < 0) return value;
  }
  return entries.at(-1)![0];
}

/** One generator per position, so any post can be written without writing those before it. */
const randomAt = (seed: number, index: number, stream = 0): Random => seededRandom(Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b) ^ seed);

/** What the stream opens with: every one routes to someone at once (see the comment at the top). */
const opening: { subject: DemoSubject; language: DemoLanguage; influencer?: boolean }[] = [
  { subject: 'question', language: 'de' }, { subject: 'Delivery', language: 'en' }, { subject: 'question', language: 'fr' },
  { subject: 'Praise', language: 'en' }, { subject: 'Billing and refunds', language: 'es' }, { subject: 'Product defect', language: 'en', influencer: true },
  { subject: 'Store experience', language: 'en' }, { subject: 'question', language: 'es' }, { subject: 'Legal', language: 'en' }, { subject: 'Jobs and HR', language: 'en' },
];

const subjectWeights: Partial<Record<DemoSubject, number>> = {
  Delivery: 17, 'Billing and refunds': 13, 'Product defect': 11, 'Store experience': 14, 'Jobs and HR': 6, Praise: 14, Legal: 3,
  question: 11, competitor: 5, spam: 4,
};
const languageWeights: Record<DemoLanguage, number> = { en: 55, de: 12, fr: 11, es: 14, pl: 8 };

/** The language of a new post: by weight, among those the subject has templates in. */
function languageFor(random: Random, subject: DemoSubject): DemoLanguage {
  const available = Object.fromEntries(Object.keys(templates[subject]).map((language) => [language, languageWeights[language as DemoLanguage]]));
  return weighted(random, available as Partial<Record<DemoLanguage, number>>);
}

function ordinaryAuthor(random: Random, language: DemoLanguage): DemoAuthor {
  const { first, last } = authorNames[language];
  const [given, family] = [pick(random, first), pick(random, last)];
  const ascii = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const handle = pick(random, [`@${ascii(given)}.${ascii(family)}`, `@${ascii(given)}_${ascii(family)[0]}${between(random, 1, 99)}`, `@${ascii(family)}${ascii(given)}`]);
  // Most people have a few dozen to a few thousand followers.
  return { handle, displayName: `${given} ${family}`, followers: Math.round(12 * Math.exp(random() * 5.5)) };
}

/** Fills a template's slots and adds a closing remark in its tone (spam has none); the store named, if any. */
function fill(random: Random, template: DemoTemplate, language: DemoLanguage, remark = true): { text: string; store: string | null } {
  const storeNamed = template.text.includes('{store}') ? pick(random, storeMentions[language]) : null;
  const slots: Record<string, () => string> = {
    handle: () => pick(random, handles), brand: () => pick(random, brandNames), store: () => storeNamed!.phrase,
    appliance: () => pick(random, appliances[language]), clothing: () => pick(random, clothing[language]),
    order: () => `AC-${between(random, 100_000, 999_999)}`, days: () => String(between(random, 3, 14)),
    weekday: () => pick(random, weekdays), staff: () => pick(random, staffNames),
    link: () => `https://promo-${between(random, 100, 999)}.example/${between(random, 1_000, 9_999)}`,
  };
  const text = template.text.replace(/\{(\w+)\}/g, (_slot, name: string) => slots[name]!());
  return { text: remark ? text + pick(random, closers[language][template.tone]) : text, store: storeNamed?.spoke ?? null };
}

/** The gap before post `index`: quick at first and in bursts, a minute or so once the stream has calmed down. */
function gapBefore(seed: number, index: number): number {
  const random = randomAt(seed, index, 1);
  if (index === 0) return 2_000;
  if (index < OPENING_LENGTH) return between(random, 2_000, 4_000);
  if (inCrisis(index)) return between(random, 1_000, 5_000);
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;
  if (index >= LIVELY_LENGTH) return Math.round(Math.min(180_000, Math.max(5_000, exponential(45_000))));
  // Posts come in blocks of six; one block in five is a burst (a thread catching on).
  const burst = randomAt(seed, Math.floor(index / 6), 2)() < 0.2;
  return burst ? between(random, 500, 1_500) : Math.round(Math.min(25_000, Math.max(1_000, exponential(6_000))));
}

interface Written { text: string; author: DemoAuthor; inReplyTo?: number; intent: DemoIntent }

function writeCrisisPost(random: Random, index: number): Written {
  // The alarm goes out a third of the way in; the rest quote it or add their own story.
  const alarm = index === CRISIS_START + Math.floor(CRISIS_LENGTH / 3);
  const language: DemoLanguage = alarm ? 'en' : weighted(random, { en: 80, de: 7, fr: 6, es: 7 });
  const template = alarm ? crisisAlarm : pick(random, templates.crisis[language]!);
  const { text, store } = fill(random, template, language, !alarm);
  const author = alarm ? crisisInfluencer : ordinaryAuthor(random, language);
  return { text, author, intent: { subject: 'crisis', language, tone: 'negative', store, influencer: alarm, followUp: false } };
}

function writeNewPost(random: Random, index: number): Written {
  const planned = opening[index];
  const subject = planned?.subject ?? weighted(random, subjectWeights);
  const language = planned?.language ?? languageFor(random, subject);
  const template = pick(random, templates[subject][language]!);
  const { text, store } = fill(random, template, language, subject !== 'spam');
  // A few complaints and compliments come from people with a large audience.
  const canInfluence = subject !== 'spam' && subject !== 'competitor' && influencers[language].length > 0;
  const influencer = planned ? planned.influencer === true : canInfluence && random() < 0.04;
  const author = influencer ? pick(random, influencers[language]) : ordinaryAuthor(random, language);
  return { text, author, intent: { subject, language, tone: template.tone, store, influencer, followUp: false } };
}

/** What a customer may chase: a complaint about the company (not spam, a competitor or the crisis). */
const chaseable = (written: Written) => written.intent.tone === 'negative' && !['spam', 'competitor', 'crisis'].includes(written.intent.subject);

/** Whether post `index` would chase an earlier post, and with which generator (its own, apart from the post's). */
function chaseDraw(seed: number, index: number): Random | undefined {
  if (index < OPENING_LENGTH + 5) return undefined;
  const random = randomAt(seed, index, 4);
  return random() < 0.06 ? random : undefined;
}

function write(seed: number, index: number): Written {
  if (inCrisis(index)) return writeCrisisPost(randomAt(seed, index), index);
  // Now and then a customer chases a complaint from a few posts back, in its thread. Only a post that would
  // not chase anything itself is chased: that one is written as writeNewPost writes it, and threads stay two deep.
  const chase = chaseDraw(seed, index);
  if (chase) {
    const earlierIndex = index - between(chase, 3, 12);
    const earlier = writeNewPost(randomAt(seed, earlierIndex), earlierIndex);
    if (!inCrisis(earlierIndex) && !chaseDraw(seed, earlierIndex) && chaseable(earlier)) {
      const { text } = fill(chase, pick(chase, followUps[earlier.intent.language]), earlier.intent.language);
      return { text, author: earlier.author, inReplyTo: earlierIndex, intent: { ...earlier.intent, tone: 'negative', followUp: true } };
    }
  }
  return writeNewPost(randomAt(seed, index), index);
}

export const demoExternalId = (index: number) => `acme-demo-${index}`;

/** Post number `index` (from 0) of the demo stream with this seed. */
export function demoPostAt(seed: number, index: number): DemoPost {
  const written = write(seed, index);
  const site = pick(randomAt(seed, index, 3), sites);
  const externalId = demoExternalId(index);
  return {
    index, gapMs: gapBefore(seed, index), externalId, text: written.text, site,
    url: `https://${site}/${written.author.handle}/${externalId}`, author: written.author,
    ...(written.inReplyTo !== undefined && { inReplyToExternalId: demoExternalId(written.inReplyTo) }),
    intent: written.intent,
  };
}

/** Posts `from` .. `from + count - 1`. */
export const demoPosts = (seed: number, from: number, count: number): DemoPost[] => Array.from({ length: count }, (_, i) => demoPostAt(seed, from + i));
