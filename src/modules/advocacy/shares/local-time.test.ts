import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { instantOf, isWithinLocalHours } from './local-time.ts';

describe('times in the sharer\'s time zone', () => {
  const instants: [string, string, string][] = [
    ['2027-01-15T09:00', 'America/New_York', '2027-01-15T14:00:00.000Z'],
    ['2027-07-15T09:00', 'America/New_York', '2027-07-15T13:00:00.000Z'],
    ['2027-01-15T09:00', 'Asia/Kolkata', '2027-01-15T03:30:00.000Z'],
    ['2027-03-28T02:30', 'Europe/London', '2027-03-28T01:30:00.000Z'],
    ['2027-01-15T09:00:30', 'UTC', '2027-01-15T09:00:30.000Z'],
    ['2027-01-15T09:00:00Z', 'America/New_York', '2027-01-15T09:00:00.000Z'],
    ['2027-01-15T09:00:00+02:00', 'UTC', '2027-01-15T07:00:00.000Z'],
  ];
  for (const [value, zone, expected] of instants) {
    it(`reads ${value} in ${zone} as ${expected}`, () => assert.equal(instantOf(value, zone, 'at').toISOString(), expected));
  }

  it('refuses what is not a date-time', () => {
    for (const value of ['tomorrow', '2027-01-15', '2027-01-15 09:00']) assert.throws(() => instantOf(value, 'UTC', 'body.scheduledFor'), /body\.scheduledFor/);
  });

  const hours: [string, string, { start: string; end: string }, boolean][] = [
    ['2027-01-15T14:00:00Z', 'America/New_York', { start: '07:00', end: '22:00' }, true],
    ['2027-01-15T04:00:00Z', 'America/New_York', { start: '07:00', end: '22:00' }, false],
    ['2027-01-15T23:30:00Z', 'UTC', { start: '22:00', end: '06:00' }, true],
    ['2027-01-15T12:00:00Z', 'UTC', { start: '22:00', end: '06:00' }, false],
    ['2027-01-15T03:00:00Z', 'UTC', { start: '00:00', end: '00:00' }, true],
  ];
  for (const [at, zone, window, expected] of hours) {
    it(`${at} in ${zone} is ${expected ? '' : 'not '}within ${window.start}–${window.end}`, () => assert.equal(isWithinLocalHours(new Date(at), zone, window), expected));
  }
});
