import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldForMatching, TriggerWordMatcher } from './trigger-word-matcher.ts';

describe('TriggerWordMatcher', () => {
  const matcher = new TriggerWordMatcher(['recall*', 'data breach', 'breach*', 'boycott', 'class action', 'Straße', 'sue']);
  const cases: [string, string[]][] = [
    ['Is this a RECALL?', ['recall*']],
    ['They recalled the whole batch', ['recall*']],
    ['Récall of the kettles', ['recall*']],
    ['huge DATA BREACH at acme', ['data breach', 'breach*']],
    ['data, breach', ['data breach', 'breach*']],
    ['the data was fine, no breaches', ['breach*']],
    ['boycotting them', []],
    ['#boycott acme now', ['boycott']],
    ['a class-action suit', ['class action']],
    ['Ärger in der Strasse', ['Straße']],
    ['I will sue you, SUE!', ['sue']],
    ['pursue the matter', []],
    ['nothing to see', []],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(matcher.find(text), expected);
    });
  }

  it('folds case, accents and look-alike letters', () => {
    assert.equal(foldForMatching('Crème BRÛLÉE Øre Maß'), 'creme brulee ore mass');
    assert.equal(foldForMatching('Plain ASCII'), 'plain ascii');
  });

  it('ignores words that fold to nothing', () => {
    assert.deepEqual(new TriggerWordMatcher(['***', '  ']).find('anything *** at all'), []);
  });
});
