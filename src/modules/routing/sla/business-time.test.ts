import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';

const leeds: WeeklyHours = { timeZone: 'Europe/London', slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })) };
const splitShift: WeeklyHours = { timeZone: 'Europe/Madrid', slots: [{ day: 1, start: '14:00', end: '18:00' }, { day: 1, start: '09:00', end: '12:00' }] };

describe('business time', () => {
  const dueCases: [string, string, number, string, WeeklyHours][] = [
    ['within the day', '2026-11-23T10:00:00Z', 60, '2026-11-23T11:00:00.000Z', leeds],
    ['Friday 16:00 + 4 h runs into Monday', '2026-11-27T16:00:00Z', 240, '2026-11-30T12:00:00.000Z', leeds],
    ['before opening starts at opening', '2026-11-23T06:00:00Z', 30, '2026-11-23T09:30:00.000Z', leeds],
    ['at closing goes to the next morning', '2026-11-23T17:00:00Z', 1, '2026-11-24T09:01:00.000Z', leeds],
    ['over a weekend', '2026-11-28T12:00:00Z', 10, '2026-11-30T09:10:00.000Z', leeds],
    ['in summer time (09:00 BST is 08:00 UTC)', '2026-07-06T07:00:00Z', 30, '2026-07-06T08:30:00.000Z', leeds],
    ['across the change to summer time', '2026-03-27T16:00:00Z', 120, '2026-03-30T09:00:00.000Z', leeds],
    ['across the change back to winter time (16:00 BST + 1 h, then 2 h from 09:00 GMT)', '2026-10-23T15:00:00Z', 180, '2026-10-26T11:00:00.000Z', leeds],
    ['over the lunch break of a split shift (11:30 CET + 30 min, then 90 from 14:00)', '2026-11-23T10:30:00Z', 120, '2026-11-23T14:30:00.000Z', splitShift],
    ['zero minutes outside hours waits for opening', '2026-11-28T12:00:00Z', 0, '2026-11-30T09:00:00.000Z', leeds],
  ];
  for (const [name, start, minutes, due, hours] of dueCases) {
    it(`due: ${name}`, () => assert.equal(addBusinessMinutes(new Date(start), minutes, hours).toISOString(), due));
  }

  it('counts business minutes between two instants', () => {
    assert.equal(businessMinutesBetween(new Date('2026-11-27T16:00:00Z'), new Date('2026-11-30T12:00:00Z'), leeds), 240);
    assert.equal(businessMinutesBetween(new Date('2026-11-28T00:00:00Z'), new Date('2026-11-29T23:59:00Z'), leeds), 0, 'a weekend');
    assert.equal(businessMinutesBetween(new Date('2026-11-30T12:00:00Z'), new Date('2026-11-27T16:00:00Z'), leeds), 0, 'backwards');
  });

  it('adding then counting gives back the minutes (property)', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 5 * 8 * 60 * 3 }),
      (start, minutes) => {
        const due = addBusinessMinutes(start, minutes, leeds);
        return Math.abs(businessMinutesBetween(start, due, leeds) - minutes) < 1e-9 && due.getTime() >= start.getTime();
      },
    ), { numRuns: 300 });
  });

  it('refuses a calendar without hours, and names a bad time zone', () => {
    assert.throws(() => addBusinessMinutes(new Date(), 10, { timeZone: 'Europe/London', slots: [] }), /no opening hours/);
    assert.throws(() => addBusinessMinutes(new Date(), 10, { timeZone: 'Mars/Base', slots: leeds.slots }), /Mars\/Base/);
  });
});
