import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlidingWindow } from './sliding-window.ts';
import { seededRandom } from '../../../seeded-random.ts';

interface Entry { at: number; key: string; id: string }

const KEYS = ['k0', 'k1', 'k2', 'k3'];
const SPAN = 5_000;

/** A random stream: up to `maxGap` ms between mentions. */
function* randomStream(seed: number, maxGap: number, steps: number): Generator<Entry> {
  const random = seededRandom(seed);
  let now = 1_764_950_400_000;
  for (let step = 0; step < steps; step++) {
    now += Math.floor(random() * maxGap);
    yield { at: now, key: KEYS[Math.floor(random() * KEYS.length)]!, id: `m${step}` };
  }
}

describe('SlidingWindow', () => {
  it('counts every mention inside the window, and none a second or more after it left, on random streams busy and quiet', () => {
    for (const [seed, maxGap] of [[1, 20], [2, 400], [3, 3_000]] as const) {
      const window = new SlidingWindow(3);
      const entries: Entry[] = [];
      for (const entry of randomStream(seed, maxGap, 3_000)) {
        window.push(entry.at, entry.key, entry.id);
        entries.push(entry);
        const cutoff = entry.at - SPAN;
        window.expire(cutoff);
        let size = 0;
        for (const key of KEYS) {
          const ofKey = entries.filter((e) => e.key === key);
          const count = window.count(key);
          assert.ok(count >= ofKey.filter((e) => e.at > cutoff).length, `${key} counts every mention inside`);
          assert.ok(count <= ofKey.filter((e) => e.at > cutoff - 1_000).length, `${key} counts none a second after it left`);
          assert.deepEqual(window.latestIds(key), ofKey.slice(ofKey.length - Math.min(3, count)).map((e) => e.id).reverse(), `${key}'s newest ids`);
          size += count;
        }
        assert.equal(window.size, size);
      }
    }
  });

  it('carries on from its snapshot as if it had not stopped', () => {
    const window = new SlidingWindow(3);
    let restored: SlidingWindow | null = null;
    for (const entry of randomStream(4, 300, 2_000)) {
      for (const each of [window, restored]) {
        each?.push(entry.at, entry.key, entry.id);
        each?.expire(entry.at - SPAN);
      }
      if (entry.id === 'm1000') restored = SlidingWindow.fromJSON(JSON.parse(JSON.stringify(window)), 3);
      if (!restored) continue;
      assert.equal(restored.size, window.size);
      for (const key of KEYS) {
        assert.equal(restored.count(key), window.count(key));
        assert.deepEqual(restored.latestIds(key), window.latestIds(key));
      }
      assert.deepEqual(restored.toJSON(), window.toJSON());
    }
  });

  it('reads the earlier snapshot format, an entry per mention', () => {
    const times = Array.from({ length: 100 }, (_, index) => 1_000_000 + index * 250);
    const restored = SlidingWindow.fromJSON({ times, keys: times.map((_, index) => (index % 2 ? 'odd' : 'even')), ids: times.map((_, index) => `m${index}`) }, 3);
    assert.equal(restored.size, 100);
    assert.equal(restored.count('odd'), 50);
    assert.deepEqual(restored.latestIds('even'), ['m98', 'm96', 'm94']);
    restored.expire(1_000_000 + 90 * 250);
    // Mention 89 stays with 91, the last odd one of their second.
    assert.equal(restored.count('even'), 4);
    assert.equal(restored.count('odd'), 6);
  });

  it('keeps its snapshot small however busy the topic: a run per key and second, not an entry per mention', () => {
    const window = new SlidingWindow(5);
    // 200 mentions a second for half an hour.
    for (let index = 0; index < 360_000; index++) window.push(1_764_950_400_000 + index * 5, index % 3 ? 'other' : 'negative', crypto.randomUUID());
    const bytes = JSON.stringify(window).length;
    assert.equal(window.size, 360_000);
    assert.ok(bytes < 60_000, `${bytes} bytes`);
  });
});
