import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReply } from './check-reply.ts';
import type { PolicyRule } from './policy-rule.ts';
import { describePolicyCases, type PolicyCase } from './policy-cases.ts';

const sale = 'Spring into savings at Acme Retail! Everything you love, up to 40% off storewide, this weekend only. Shop now at acme.example/spring.';
const club = 'Join the Acme Club today and earn points on every purchase, get free delivery on orders over £30.';
const copies: PolicyRule = { kind: 'marketing-copy', id: 'own-words', severity: 'warn', copies: [{ id: 'spring-sale', text: sale }, { id: 'club', text: club }] };
const strict: PolicyRule = { ...copies, id: 'strict', threshold: 0.3 };

const found = (match: string, ruleId = 'own-words') => ({ ruleId, severity: 'warn' as const, match });

const cases: PolicyCase[] = [
  { name: 'the whole text pasted', rules: [copies], text: sale, expected: [found(sale.slice(0, -1))] },
  { name: 'pasted inside a greeting, in another case and punctuation', rules: [copies], text: `Hi @jane! ${sale.toUpperCase().replaceAll(',', '')} Cheers`, expected: [found(`${sale.toUpperCase().replaceAll(',', '')}`.slice(0, -1))] },
  { name: 'half of it pasted', rules: [copies], text: 'Hey, join the Acme Club today and earn points on every purchase :)', expected: [found('join the Acme Club today and earn points on every purchase')] },
  { name: 'not the same thing in other words', rules: [copies], text: 'Our spring sale is on this weekend: most things are cheaper, some by 40%. Have a look on our site!', expected: [] },
  { name: 'not one stock phrase in common', rules: [copies], text: 'Thanks! Shop now at acme.example if you like.', expected: [] },
  { name: 'not a loose copy at the default threshold', rules: [copies], text: 'Spring into savings at Acme Retail, I love this store, everything you love is there and up to 40% off storewide', expected: [] },
  { name: 'a lower threshold finds looser copies', rules: [strict], text: 'Spring into savings at Acme Retail, I love this store, everything you love is there and up to 40% off storewide', expected: [found('Spring into savings at Acme Retail, I love this store, everything you love is there and up to 40% off storewide', 'strict')] },
];

describePolicyCases('marketing copy', cases);

describe('marketing copy messages', () => {
  it('names the copy and how similar the reply is', () => {
    const [finding] = checkReply(`Hi! ${club}`, {}, [copies]);
    assert.equal(finding!.message, 'This is 100% the same as the marketing text "club"; copied replies read as spam.');
    assert.equal(finding!.fix, 'Say it in your own words.');
  });
});
