import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PlaceMatcher, type StorePlace } from './place-matcher.ts';

const stores: StorePlace[] = [
  { spokeId: 'leeds', name: 'Leeds Briggate', aliases: ['the Leeds store'], address: '47 Briggate', city: 'Leeds' },
  { spokeId: 'oxford', name: 'London Oxford Street', aliases: [], address: '318 Oxford Street, Marylebone', city: 'London' },
  { spokeId: 'kings', name: 'London Kings Cross', aliases: ['KX store'], address: '5 Pancras Square', city: 'London' },
  { spokeId: 'madrid', name: 'Madrid Gran Vía', aliases: [], address: 'Gran Vía 32', city: 'Madrid' },
];
const matcher = new PlaceMatcher(stores);

describe('place matcher', () => {
  const cases: [string, string | null, string?][] = [
    ['Queued 20 minutes at Acme Leeds Briggate today', 'leeds', 'leeds briggate'],
    ['the Leeds store had no size 10', 'leeds', 'the leeds store'],
    ['Staff on briggate were lovely!', 'leeds', 'briggate'],
    ['Popped into Acme in Leeds', 'leeds', 'leeds'],
    ['The Oxford Street shop is a mess', 'oxford', 'oxford street'],
    ['Acme London was closed at 5pm', null],
    ['picked up at the KX store', 'kings', 'kx store'],
    ['la tienda de Gran Via en Madrid', 'madrid', 'gran via'],
    ['Delivery was late again', null],
    ['Leeds Briggate is better than Oxford Street', 'leeds', 'leeds briggate'],
  ];
  for (const [text, spokeId, matched] of cases) {
    it(`${text} → ${spokeId ?? 'no store'}`, () => {
      const found = matcher.match(text);
      assert.equal(found?.spokeId ?? null, spokeId);
      if (matched) assert.equal(found?.matched, matched);
    });
  }

  it('is surer of a name than of a city', () => {
    assert.ok(matcher.match('Leeds Briggate')!.confidence > matcher.match('in Leeds')!.confidence);
  });

  it('names no store when two are named equally', () => {
    assert.equal(matcher.match('Oxford Street or Pancras Square, which is open?'), null);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '🙂', '\uD800', 'x'.repeat(100_000)]) assert.equal(matcher.match(text), null);
  });
});
