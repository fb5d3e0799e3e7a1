import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WeeklyHours } from '../rules/weekly-hours.ts';
import { chooseAssignee, type Candidate, type ConversationNeeds } from './choose-assignee.ts';

const office = (timeZone = 'Europe/London'): WeeklyHours => ({ timeZone, slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })) });
const mondayNoonLondon = new Date('2026-11-23T12:00:00Z');
const person = (personId: string, extra: Partial<Candidate> = {}): Candidate => ({
  personId, name: personId, status: 'active', skills: new Map(), languages: ['en'], certificationLevel: 1, hours: office(),
  openConversations: 0, capacity: 10, lastAssignedAt: null, knowsAuthor: false, ...extra,
});
const needs: ConversationNeeds = { skillTopics: ['Delivery', 'complaints'], language: 'en', minimumCertification: 0 };

describe('choosing an assignee', () => {
  it('prefers the higher skill for the conversation, and says why', () => {
    const choice = chooseAssignee([person('ann', { skills: new Map([['delivery', 3]]) }), person('bob', { skills: new Map([['delivery', 5]]) })], needs, mondayNoonLondon);
    assert.equal(choice.personId, 'bob');
    assert.deepEqual(choice.reasons, ['Delivery skill, level 5', 'speaks en', '0 of 10 open']);
  });

  it('prefers the customer\'s language and whoever helped this author before', () => {
    const polish = { ...needs, language: 'pl' };
    assert.equal(chooseAssignee([person('ann'), person('jakub', { languages: ['en', 'pl'] })], polish, mondayNoonLondon).personId, 'jakub');
    assert.equal(chooseAssignee([person('ann'), person('cat', { knowsAuthor: true })], needs, mondayNoonLondon).personId, 'cat');
  });

  it('skips people who are away, full, uncertified or off shift in their own time zone, and says why', () => {
    const choice = chooseAssignee([
      person('away', { status: 'away', skills: new Map([['delivery', 5]]) }),
      person('full', { openConversations: 10, skills: new Map([['delivery', 5]]) }),
      person('new', { certificationLevel: 0, skills: new Map([['delivery', 5]]) }),
      person('tokyo', { hours: office('Asia/Tokyo'), skills: new Map([['delivery', 5]]) }),
      person('ok'),
    ], { ...needs, minimumCertification: 1 }, mondayNoonLondon);
    assert.equal(choice.personId, 'ok');
    assert.deepEqual(choice.verdicts.filter((v) => !v.eligible).map((v) => v.reasons[0]), [
      'is away', 'is at capacity (10 of 10)', 'needs certification level 1 (has 0)', 'is outside working hours (Asia/Tokyo)',
    ]);
  });

  it('takes turns among equals: the one assigned longest ago first', () => {
    const choice = chooseAssignee([
      person('ann', { lastAssignedAt: new Date('2026-11-23T11:00:00Z') }),
      person('bob', { lastAssignedAt: new Date('2026-11-23T09:00:00Z') }),
      person('cat', { lastAssignedAt: new Date('2026-11-23T10:00:00Z') }),
    ], needs, mondayNoonLondon);
    assert.equal(choice.personId, 'bob');
    assert.match(choice.reasons.at(-1)!, /took turns with 2 equally suited/);
  });

  it('prefers spare capacity when all else is equal', () => {
    assert.equal(chooseAssignee([person('busy', { openConversations: 8 }), person('free', { openConversations: 1 })], needs, mondayNoonLondon).personId, 'free');
  });

  it('leaves the conversation in the spoke\'s queue when nobody is available', () => {
    const choice = chooseAssignee([person('left', { status: 'left' })], needs, mondayNoonLondon);
    assert.equal(choice.personId, null);
    assert.match(choice.reasons[0]!, /waits in the spoke's queue/);
  });
});
