import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRules } from './evaluate-rules.ts';
import type { RoutableMention, RoutingRule } from './routing-rule.ts';

const mention: RoutableMention = {
  text: 'My parcel never arrived and the Leeds store says it is not their problem. Calling my lawyer.',
  topicIds: ['topic-delivery'], sourceId: 'source-mastodon', categoryId: 'cat-delivery', sentiment: 'negative',
  urgency: 62, language: 'en', placeSpokeId: 'spoke-leeds', authorFollowers: 48_000, postedAt: new Date('2026-11-23T10:00:00Z'),
};

const rule = (id: string, conditions: RoutingRule['conditions'], actions: RoutingRule['actions'], extra: Partial<RoutingRule> = {}): RoutingRule =>
  ({ id, name: id, enabled: true, conditions, actions, ...extra });

describe('routing rules', () => {
  // Each condition alone, against the mention above: does it hold?
  const conditionCases: [string, RoutingRule['conditions'][number], boolean][] = [
    ['topic', { field: 'topic', anyOf: ['topic-delivery'] }, true],
    ['other topic', { field: 'topic', anyOf: ['topic-jobs'] }, false],
    ['category', { field: 'category', anyOf: ['cat-billing', 'cat-delivery'] }, true],
    ['sentiment', { field: 'sentiment', anyOf: ['positive'] }, false],
    ['not positive', { field: 'sentiment', anyOf: ['positive'], negate: true }, true],
    ['urgency ≥ 60', { field: 'urgency', atLeast: 60 }, true],
    ['urgency ≤ 50', { field: 'urgency', atMost: 50 }, false],
    ['language', { field: 'language', anyOf: ['en'] }, true],
    ['place', { field: 'place', anyOf: ['spoke-leeds'] }, true],
    ['source', { field: 'source', anyOf: ['source-rss'] }, false],
    ['reach ≥ 10,000', { field: 'authorFollowers', atLeast: 10_000 }, true],
    ['keywords, any case', { field: 'keywords', anyOf: ['LAWYER', 'solicitor'] }, true],
    ['keywords on word boundaries', { field: 'keywords', anyOf: ['arrive'] }, false],
    ['keyword phrase', { field: 'keywords', anyOf: ['never arrived'] }, true],
    ['business hours', { field: 'businessHours', hours: { timeZone: 'Europe/London', slots: [{ day: 1, start: '09:00', end: '17:00' }] } }, true],
    ['outside business hours', { field: 'businessHours', hours: { timeZone: 'Asia/Tokyo', slots: [{ day: 1, start: '09:00', end: '17:00' }] }, negate: true }, true],
  ];
  for (const [name, condition, holds] of conditionCases) {
    it(`${name}: ${holds ? 'holds' : 'does not hold'}`, () => {
      const decision = evaluateRules([rule('r', [condition], { tags: ['hit'] })], mention);
      assert.equal(decision.trace[0]!.outcome, holds ? 'matched' : 'not matched', decision.trace[0]!.checks[0]!.why);
      assert.deepEqual(decision.tags, holds ? ['hit'] : []);
    });
  }

  it('routes by the first rule that routes, and adds up the other actions of matching rules', () => {
    const decision = evaluateRules([
      rule('legal', [{ field: 'keywords', anyOf: ['lawyer'] }], { priority: 'urgent', tags: ['legal'], notify: { personIds: ['pr-lead'] }, requireApproval: true }),
      rule('delivery', [{ field: 'category', anyOf: ['cat-delivery'] }], { routeTo: { spokeId: 'spoke-logistics' }, priority: 'high', tags: ['delivery'], slaPolicyId: 'sla-standard' }),
      rule('stores', [{ field: 'place', anyOf: ['spoke-leeds'] }], { routeTo: { place: true }, tags: ['store', 'delivery'] }),
    ], mention);
    assert.deepEqual(
      [decision.spokeId, decision.routedBy, decision.priority, decision.tags, decision.slaPolicyId, decision.requireApproval, decision.notify.personIds],
      ['spoke-logistics', 'delivery', 'urgent', ['legal', 'delivery', 'store'], 'sla-standard', true, ['pr-lead']],
    );
    assert.deepEqual(decision.trace.map((t) => t.outcome), ['matched', 'matched', 'matched']);
  });

  it('routes to the store the mention is about, and stops where a rule says so', () => {
    const decision = evaluateRules([
      rule('stores', [{ field: 'place', anyOf: ['spoke-leeds'] }], { routeTo: { place: true } }, { stop: true }),
      rule('never', [], { tags: ['late'] }),
    ], mention);
    assert.deepEqual([decision.spokeId, decision.tags, decision.trace[1]!.outcome], ['spoke-leeds', [], 'not reached']);
  });

  it('leaves the conversation to the hub when no rule routes it, and explains every rule', () => {
    const decision = evaluateRules([
      rule('jobs', [{ field: 'category', anyOf: ['cat-jobs'] }], { routeTo: { spokeId: 'spoke-hr' } }),
      rule('off', [], { routeTo: { spokeId: 'spoke-x' } }, { enabled: false }),
    ], mention);
    assert.equal(decision.spokeId, null);
    assert.deepEqual(decision.trace.map((t) => t.outcome), ['not matched', 'disabled']);
    assert.equal(decision.trace[0]!.checks[0]!.why, 'category is cat-delivery');
  });

  it('skips a rule that cannot be evaluated, with a warning, and goes on', () => {
    const decision = evaluateRules([
      rule('broken', [{ field: 'businessHours', hours: { timeZone: 'Nowhere/Land', slots: [] } }], { routeTo: { spokeId: 'spoke-x' } }),
      rule('delivery', [{ field: 'category', anyOf: ['cat-delivery'] }], { routeTo: { spokeId: 'spoke-logistics' } }),
    ], mention);
    assert.equal(decision.trace[0]!.outcome, 'failed');
    assert.match(decision.trace[0]!.warning!, /Nowhere\/Land/);
    assert.equal(decision.spokeId, 'spoke-logistics');
  });

  it('does not route to a store when triage found none', () => {
    const decision = evaluateRules([rule('stores', [], { routeTo: { place: true } })], { ...mention, placeSpokeId: null });
    assert.deepEqual([decision.spokeId, decision.routedBy], [null, null]);
  });
});
