import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlidingWindow } from './sliding-window.ts';
import { seededRandom } from '../../../seeded-random.ts';

describe('SlidingWindow', () => {
  it('counts like a recount of the entries inside the window, on random streams', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const window = new SlidingWindow();
      const entries: { at: number; key: string; id: string }[] = [];
      let now = 0;
      for (let step = 0; step < 3_000; step++) {
        now += Math.floor(random() * 20);
        const entry = { at: now, key: `k${Math.floor(random() * 4)}`, id: `m${step}` };
        window.push(entry.at, entry.key, entry.id);
        entries.push(entry);
        window.expire(now - 500);
        while (entries[0]!.at <= now - 500) entries.shift();
        const inside = entries;
        assert.equal(window.size, inside.length);
        for (const key of ['k0', 'k1', 'k2', 'k3']) assert.equal(window.count(key), inside.filter((e) => e.key === key).length);
        if (step % 500 === 0) {
          assert.deepEqual(window.latestIds('k1', 3), inside.filter((e) => e.key === 'k1').map((e) => e.id).reverse().slice(0, 3));
          assert.deepEqual(window.latestIds(null, 2), inside.map((e) => e.id).reverse().slice(0, 2));
          assert.equal(window.oldest(), inside[0]?.at ?? null);
        }
      }
    }
  });

  it('restores from its snapshot with the same contents', () => {
    const window = new SlidingWindow();
    for (let at = 0; at < 1_000; at++) window.push(at, at % 2 ? 'odd' : 'even', `m${at}`);
    window.expire(899);
    const restored = SlidingWindow.fromJSON(JSON.parse(JSON.stringify(window)));
    assert.equal(restored.size, 100);
    assert.equal(restored.count('odd'), 50);
    assert.deepEqual(restored.latestIds('even', 2), ['m998', 'm996']);
  });
});
