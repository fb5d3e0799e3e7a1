import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlidingWindow } from './sliding-window.ts';
import { seededRandom } from '../../../seeded-random.ts';

interface Entry { at: number; key: string; id: string }

const KEYS = ['k0', 'k1', 'k2', 'k3'];
const secondOf = (entry: Entry) => Math.floor(entry.at / 1000);

/** The entries left after `cutoff` by a recount: a second's entries leave together, when its last one does. */
function recountExpire(entries: Entry[], cutoff: number): Entry[] {
  const lastOfSecond = new Map<number, number>();
  for (const entry of entries) lastOfSecond.set(secondOf(entry), entry.at);
  return entries.filter((entry) => lastOfSecond.get(secondOf(entry))! > cutoff);
}

function assertCountsLike(window: SlidingWindow, inside: Entry[]): void {
  assert.equal(window.size, inside.length);
  for (const key of KEYS) assert.equal(window.count(key), inside.filter((e) => e.key === key).length, key);
  for (const key of KEYS) assert.deepEqual(window.latestIds(key), inside.filter((e) => e.key === key).map((e) => e.id).reverse().slice(0, 3), key);
}

/** A random stream: up to `maxGap` ms between mentions, expiring `span` ms back. */
function* randomStream(seed: number, maxGap: number, steps: number): Generator<Entry> {
  const random = seededRandom(seed);
  let now = 1_764_950_400_000;
  for (let step = 0; step < steps; step++) {
    now += Math.floor(random() * maxGap);
    yield { at: now, key: KEYS[Math.floor(random() * KEYS.length)]!, id: `m${step}` };
  }
}

describe('SlidingWindow', () => {
  it('counts like a recount of the entries inside the window, on random streams busy and quiet', () => {
    for (const [seed, maxGap] of [[1, 20], [2, 400], [3, 3_000]] as const) {
      const window = new SlidingWindow(3);
      let inside: Entry[] = [];
      for (const entry of randomStream(seed, maxGap, 3_000)) {
        window.push(entry.at, entry.key, entry.id);
        inside.push(entry);
        const cutoff = entry.at - 5_000;
        window.expire(cutoff);
        inside = recountExpire(inside, cutoff);
        // Nothing stays a second or more after it left.
        assert.ok(inside.every((e) => e.at > cutoff - 1_000));
        assertCountsLike(window, inside);
      }
    }
  });

  it('carries on from its snapshot as if it had not stopped', () => {
    const window = new SlidingWindow(3);
    let inside: Entry[] = [];
    let restored: SlidingWindow | null = null;
    for (const entry of randomStream(4, 300, 2_000)) {
      for (const each of [window, restored]) each?.push(entry.at, entry.key, entry.id);
      inside.push(entry);
      for (const each of [window, restored]) each?.expire(entry.at - 5_000);
      inside = recountExpire(inside, entry.at - 5_000);
      if (entry.id === 'm1000') restored = SlidingWindow.fromJSON(JSON.parse(JSON.stringify(window)), 3);
      if (restored) assertCountsLike(restored, inside);
    }
  });

  it('reads the earlier snapshot format, an entry per mention', () => {
    const times = Array.from({ length: 100 }, (_, index) => 1_000_000 + index * 250);
    const restored = SlidingWindow.fromJSON({ times, keys: times.map((_, index) => (index % 2 ? 'odd' : 'even')), ids: times.map((_, index) => `m${index}`) }, 3);
    assert.equal(restored.size, 100);
    assert.equal(restored.count('odd'), 50);
    assert.deepEqual(restored.latestIds('even'), ['m98', 'm96', 'm94']);
    restored.expire(1_000_000 + 90 * 250);
    assert.equal(restored.size, 12, 'mentions 88 to 90 stay with 91, the last of their second');
    restored.expire(1_000_000 + 91 * 250);
    assert.equal(restored.size, 8);
  });

  it('keeps its snapshot small however busy the topic: a bucket per second, not an entry per mention', () => {
    const window = new SlidingWindow(5);
    // 200 mentions a second for half an hour.
    for (let index = 0; index < 360_000; index++) window.push(1_764_950_400_000 + index * 5, index % 3 ? 'other' : 'negative', crypto.randomUUID());
    const bytes = JSON.stringify(window).length;
    assert.equal(window.size, 360_000);
    assert.ok(bytes < 60_000, `${bytes} bytes`);
  });
});
