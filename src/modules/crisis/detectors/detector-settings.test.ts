import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DETECTOR_SETTINGS, resolveDetectorSettings } from './detector-settings.ts';

describe('resolveDetectorSettings', () => {
  it('lays the given settings over the defaults', () => {
    const settings = resolveDetectorSettings({ volume: { sensitivity: 'high' }, triggerWords: { words: ['recall*'] } });
    assert.equal(settings.volume.sensitivity, 'high');
    assert.equal(settings.volume.minVolume, DEFAULT_DETECTOR_SETTINGS.volume.minVolume);
    assert.deepEqual(settings.triggerWords.words, ['recall*']);
    assert.deepEqual(resolveDetectorSettings().negativity, DEFAULT_DETECTOR_SETTINGS.negativity);
  });

  it('names every field that is wrong', () => {
    assert.throws(
      () => resolveDetectorSettings({ volume: { minVolume: 0, sensitivity: 'extreme' as 'high' }, negativity: { windowMinutes: 0 }, highReach: { minFollowers: -5 } }),
      (error: Error) =>
        error instanceof RangeError &&
        /volume\.sensitivity must be low, medium or high, got "extreme"/.test(error.message) &&
        /volume\.minVolume must be a whole number ≥ 1, got 0/.test(error.message) &&
        /negativity\.windowMinutes/.test(error.message) &&
        /highReach\.minFollowers/.test(error.message),
    );
  });
});
