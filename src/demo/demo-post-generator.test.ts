import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TRIGGER_WORDS, TriggerWordMatcher } from '../modules/crisis/index.ts';
import { analyzeSentiment, detectLanguage, triagePost } from '../modules/triage/index.ts';
import { CRISIS_LENGTH, CRISIS_START, DEMO_STREAM_SEED, LIVELY_LENGTH, OPENING_LENGTH, demoPostAt, demoPosts, type DemoPost } from './demo-post-generator.ts';
import { demoCategories, demoLanguages } from './demo-post-vocabulary.ts';

const hour = demoPosts(DEMO_STREAM_SEED, 0, LIVELY_LENGTH);
const secondsUntil = (index: number) => hour.slice(0, index + 1).reduce((sum, post) => sum + post.gapMs, 0) / 1000;
const count = <T>(items: readonly T[], keep: (item: T) => boolean) => items.filter(keep).length;
const share = (posts: readonly DemoPost[], keep: (post: DemoPost) => boolean) => count(posts, keep) / posts.length;

describe('demo post generator', () => {
  it('writes the same posts for the same seed, whether read in a run or one by one', () => {
    assert.deepEqual(demoPosts(DEMO_STREAM_SEED, 0, LIVELY_LENGTH), hour);
    for (const index of [0, 17, CRISIS_START + 3, 599, 5_000]) assert.deepEqual(demoPostAt(DEMO_STREAM_SEED, index), demoPosts(DEMO_STREAM_SEED, index, 1)[0]);
    assert.deepEqual(hour.map((post) => post.index), hour.map((_, index) => index));
    assert.equal(new Set(hour.map((post) => post.externalId)).size, hour.length, 'every post has its own external id');
    const other = demoPosts(DEMO_STREAM_SEED + 1, 0, 50);
    assert.ok(count(other, (post) => post.text !== hour[post.index]!.text) > 25, 'another seed writes other posts');
  });

  it('covers every category, several stores, five languages, influencers, spam, competitors and questions in its first hour', () => {
    for (const category of demoCategories) assert.ok(count(hour, (post) => post.intent.subject === category) >= 5, category);
    assert.ok(new Set(hour.map((post) => post.intent.store).filter(Boolean)).size >= 6, 'names most of the stores');
    for (const language of demoLanguages) assert.ok(count(hour, (post) => post.intent.language === language) >= 20, language);
    const influencers = hour.filter((post) => post.intent.influencer);
    assert.ok(influencers.length >= 5 && influencers.every((post) => post.author.followers >= 10_000), 'a few posts from high-reach authors');
    assert.ok(new Set(influencers.map((post) => post.author.handle)).size >= 3);
    assert.ok(count(hour, (post) => !post.intent.influencer && post.author.followers >= 10_000) === 0, 'ordinary customers have ordinary audiences');
    for (const subject of ['question', 'competitor', 'spam'] as const) assert.ok(count(hour, (post) => post.intent.subject === subject) >= 10, subject);
    for (const tone of ['negative', 'neutral', 'positive'] as const) assert.ok(share(hour, (post) => post.intent.tone === tone) >= 0.1, tone);
  });

  it('writes posts triage reads as intended: their language, spam as spam, the tone of the English ones', () => {
    assert.ok(share(hour, (post) => detectLanguage(post.text).language === post.intent.language) >= 0.97);
    const spamOf = (post: DemoPost) => triagePost({ text: post.text }, { category: null, keywordRules: [], places: null }).spam.spam;
    assert.ok(hour.filter((post) => post.intent.subject === 'spam').every(spamOf), 'every spam post is flagged');
    assert.ok(share(hour.filter((post) => post.intent.subject !== 'spam'), spamOf) === 0, 'no customer is taken for a spammer');
    const english = hour.filter((post) => post.intent.language === 'en' && post.intent.tone !== 'neutral' && !post.intent.followUp);
    assert.ok(share(english, (post) => analyzeSentiment(post.text).label === post.intent.tone) >= 0.65);
  });

  it('opens fast: the first post within seconds, ten within the first minute, with questions in German and French', () => {
    assert.ok(hour[0]!.gapMs <= 5_000);
    assert.ok(secondsUntil(OPENING_LENGTH - 1) <= 60);
    assert.deepEqual(hour.slice(0, 3).filter((post) => post.intent.subject === 'question').map((post) => post.intent.language), ['de', 'fr']);
  });

  it('bursts one small crisis a few minutes in: AquaBoil kettle recall rumours, negative, with trigger words and a high-reach alarm', () => {
    const crisis = hour.filter((post) => post.intent.subject === 'crisis');
    assert.deepEqual(crisis.map((post) => post.index), Array.from({ length: CRISIS_LENGTH }, (_, i) => CRISIS_START + i));
    assert.ok(secondsUntil(CRISIS_START) >= 180 && secondsUntil(CRISIS_START) <= 900, `starts after ${secondsUntil(CRISIS_START)} s`);
    const burstSeconds = secondsUntil(CRISIS_START + CRISIS_LENGTH - 1) - secondsUntil(CRISIS_START - 1);
    const before = (secondsUntil(CRISIS_START - 1) - secondsUntil(OPENING_LENGTH - 1)) / (CRISIS_START - OPENING_LENGTH);
    assert.ok(burstSeconds / CRISIS_LENGTH < before / 2, 'posts come at least twice as fast during the burst');
    assert.ok(crisis.every((post) => post.text.includes('AquaBoil') && post.intent.tone === 'negative'));
    assert.ok(!hour.some((post) => post.intent.subject !== 'crisis' && post.text.includes('AquaBoil')), 'nobody talks of it before or after');
    const triggers = new TriggerWordMatcher(DEFAULT_TRIGGER_WORDS);
    assert.ok(count(crisis, (post) => triggers.find(post.text).length > 0) >= CRISIS_LENGTH * 0.6, 'most carry a trigger word');
    assert.ok(crisis.some((post) => post.intent.influencer && post.author.followers >= 100_000));
  });

  it('threads follow-ups under an earlier complaint of the same author', () => {
    const followUps = hour.filter((post) => post.intent.followUp);
    assert.ok(followUps.length >= 10);
    for (const post of followUps) {
      const earlier = hour.find((candidate) => candidate.externalId === post.inReplyToExternalId);
      assert.ok(earlier && earlier.index < post.index, post.externalId);
      assert.equal(earlier.author.handle, post.author.handle);
      assert.equal(earlier.intent.tone, 'negative');
      assert.equal(earlier.intent.followUp, false, 'threads are two posts deep');
    }
  });

  it('calms down after the first hour', () => {
    const later = demoPosts(DEMO_STREAM_SEED, LIVELY_LENGTH, 200);
    const mean = (posts: DemoPost[]) => posts.reduce((sum, post) => sum + post.gapMs, 0) / posts.length;
    assert.ok(mean(hour.slice(OPENING_LENGTH)) < 10_000);
    assert.ok(mean(later) > 30_000);
  });
});
