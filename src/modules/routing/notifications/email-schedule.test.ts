import { it } from 'node:test';
import assert from 'node:assert/strict';
import { nextDigest, quietHoursEnd } from './email-schedule.ts';

it('defers to the end of quiet hours that span midnight, in the person\'s zone', () => {
  // 23:30 in Berlin (UTC+1 in November): quiet 22:00–07:00 ends at 06:00 UTC next day.
  assert.equal(quietHoursEnd(new Date('2026-11-23T22:30:00Z'), 'Europe/Berlin', '22:00', '07:00')?.toISOString(), '2026-11-24T06:00:00.000Z');
  // 05:00 local, after midnight: ends the same local day.
  assert.equal(quietHoursEnd(new Date('2026-11-24T04:00:00Z'), 'Europe/Berlin', '22:00', '07:00')?.toISOString(), '2026-11-24T06:00:00.000Z');
  assert.equal(quietHoursEnd(new Date('2026-11-24T12:00:00Z'), 'Europe/Berlin', '22:00', '07:00'), null);
});

it('handles quiet hours within one day, and their exact edges', () => {
  assert.equal(quietHoursEnd(new Date('2026-11-23T12:30:00Z'), 'UTC', '12:00', '13:00')?.toISOString(), '2026-11-23T13:00:00.000Z');
  assert.equal(quietHoursEnd(new Date('2026-11-23T13:00:00Z'), 'UTC', '12:00', '13:00'), null, 'the end itself is not quiet');
  assert.ok(quietHoursEnd(new Date('2026-11-23T12:00:00Z'), 'UTC', '12:00', '13:00'), 'the start is quiet');
});

it('keeps local times across a daylight-saving change', () => {
  // New York falls back on 2026-11-01: quiet until 07:00 local is 12:00 UTC (EST), not 11:00.
  assert.equal(quietHoursEnd(new Date('2026-11-01T04:30:00Z'), 'America/New_York', '22:00', '07:00')?.toISOString(), '2026-11-01T12:00:00.000Z');
});

it('plans the digest for today\'s digest hour, or tomorrow\'s once it has passed', () => {
  assert.deepEqual(nextDigest(new Date('2026-11-23T05:00:00Z'), 'Europe/Berlin', 8), { day: '2026-11-23', at: new Date('2026-11-23T07:00:00Z') });
  assert.deepEqual(nextDigest(new Date('2026-11-23T07:00:00Z'), 'Europe/Berlin', 8), { day: '2026-11-24', at: new Date('2026-11-24T07:00:00Z') });
  // 23:30 UTC is already the next day in Tokyo.
  assert.deepEqual(nextDigest(new Date('2026-11-23T23:30:00Z'), 'Asia/Tokyo', 9), { day: '2026-11-24', at: new Date('2026-11-24T00:00:00Z') });
});

it('treats an unknown time zone as UTC', () => {
  assert.deepEqual(nextDigest(new Date('2026-11-23T05:00:00Z'), 'Mars/Olympus', 8), { day: '2026-11-23', at: new Date('2026-11-23T08:00:00Z') });
});
