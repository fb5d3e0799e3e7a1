import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PostIndex, Vocabulary } from './post-index.ts';

describe('PostIndex', () => {
  const vocabulary = new Vocabulary();
  const late = vocabulary.entryFor('late');
  const fail = vocabulary.entryFor('fail');
  vocabulary.notePrefix('again');
  vocabulary.notePrefix('#fa');
  const post = new PostIndex(vocabulary);
  const positionsOf = (entry: typeof late) => (post.has(entry) ? entry.positions.slice(0, entry.count) : undefined);

  it('stamps the vocabulary entries a post has, with their positions', () => {
    post.load({ text: 'Late again, #fail, LATE' });
    assert.deepEqual(positionsOf(late), [0, 3]);
    assert.deepEqual(positionsOf(fail), [2]);
    assert.deepEqual(post.seenEntries.slice(0, post.seenCount), [late, fail]);
  });

  it('keeps the occurrences of tokens that start like some wildcard, in text order', () => {
    assert.deepEqual(post.occurrenceTokens.slice(0, post.occurrenceCount), ['again', '#fail']);
    assert.deepEqual(post.occurrencePositions.slice(0, post.occurrenceCount), [1, 2]);
  });

  it('forgets the previous post', () => {
    post.load({ text: 'fail', lang: 'en' });
    assert.equal(post.has(late), false);
    assert.deepEqual(positionsOf(fail), [0]);
    assert.equal(post.occurrenceCount, 0);
    assert.equal(post.fields.normalizedLang(), 'en');
  });
});
