import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreUrgency, type UrgencyInput } from './urgency.ts';

const calm: UrgencyInput = { text: 'Nice new store layout', sentiment: 0.6, followers: 120, threadMentionsLastHour: 1 };

describe('urgency', () => {
  it('is zero with no reason for a calm, positive post', () => {
    assert.deepEqual(scoreUrgency(calm), { score: 0, reasons: [] });
  });

  it('names the risk word and its theme', () => {
    const urgency = scoreUrgency({ ...calm, text: 'My son got a burn from the kettle, I am calling a lawyer', sentiment: -0.6 });
    assert.deepEqual(urgency.reasons.slice(0, 2), ['legal risk: "lawyer"', 'safety risk: "burn"']);
    assert.ok(urgency.score >= 75, String(urgency.score));
  });

  it('matches risk words on word boundaries, without accents or case', () => {
    assert.deepEqual(scoreUrgency({ ...calm, text: 'Pursue the issue' }).reasons, [], '"sue" inside "pursue" is not a lawsuit');
    assert.equal(scoreUrgency({ ...calm, text: 'DATA BREACH??' }).reasons[0], 'data risk: "data breach"');
  });

  it('rises with negativity, reach and a fast thread', () => {
    const negative = scoreUrgency({ ...calm, sentiment: -0.8 }).score;
    const loud = scoreUrgency({ ...calm, sentiment: -0.8, followers: 250_000 }).score;
    const viral = scoreUrgency({ ...calm, sentiment: -0.8, followers: 250_000, threadMentionsLastHour: 40 }).score;
    assert.ok(negative > 0 && negative < loud && loud < viral, `${negative} < ${loud} < ${viral}`);
  });

  it('never goes above 100', () => {
    const everything = scoreUrgency({ text: 'lawsuit injury data breach racist boycott', sentiment: -1, followers: 10_000_000, threadMentionsLastHour: 500 });
    assert.equal(everything.score, 100);
    assert.equal(everything.reasons.length, 8);
  });
});
