import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWithinHours, localTimeOf, type WeeklyHours } from './weekly-hours.ts';

const londonOffice: WeeklyHours = { timeZone: 'Europe/London', slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:30' })) };

describe('weekly hours', () => {
  it('reads the local weekday and time, across daylight saving', () => {
    assert.deepEqual(localTimeOf(new Date('2026-11-23T08:59:00Z'), 'Europe/London'), { day: 1, minute: 8 * 60 + 59 });
    assert.deepEqual(localTimeOf(new Date('2026-07-06T08:59:00Z'), 'Europe/London'), { day: 1, minute: 9 * 60 + 59 }, 'BST is UTC+1');
    assert.deepEqual(localTimeOf(new Date('2026-11-23T23:30:00Z'), 'Asia/Tokyo'), { day: 2, minute: 8 * 60 + 30 });
  });

  const cases: [string, boolean][] = [
    ['2026-11-23T09:00:00Z', true], // Monday 09:00 London
    ['2026-11-23T08:59:00Z', false],
    ['2026-11-23T17:29:00Z', true],
    ['2026-11-23T17:30:00Z', false], // the end is exclusive
    ['2026-11-28T12:00:00Z', false], // Saturday
    ['2026-07-06T08:30:00Z', true], // Monday 09:30 BST
  ];
  for (const [at, inside] of cases) {
    it(`${at} is ${inside ? 'inside' : 'outside'} London office hours`, () => assert.equal(isWithinHours(new Date(at), londonOffice), inside));
  }

  it('names a bad time zone', () => {
    assert.throws(() => isWithinHours(new Date(), { timeZone: 'Mars/Olympus', slots: [] }), /Mars\/Olympus/);
  });
});
