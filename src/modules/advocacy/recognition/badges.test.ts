import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badges, badgesEarned, type RecognitionStats } from './badges.ts';

const none: RecognitionStats = { shares: 0, networks: 0, clicks: 0, storiesApproved: 0, helpfulAnswers: 0 };

describe('badges', () => {
  it('are earned at their thresholds, not before', () => {
    assert.deepEqual(badgesEarned(none), []);
    assert.deepEqual(badgesEarned({ ...none, shares: 9, networks: 2, clicks: 99, helpfulAnswers: 4 }), ['first-share', 'first-click']);
    assert.deepEqual(badgesEarned({ shares: 10, networks: 3, clicks: 100, storiesApproved: 1, helpfulAnswers: 5 }), badges.map((badge) => badge.id));
  });

  it('have unique ids and say what earns them', () => {
    assert.equal(new Set(badges.map((badge) => badge.id)).size, badges.length);
    assert.ok(badges.every((badge) => badge.name.length > 0 && badge.earnedBy.endsWith('.')));
  });
});
