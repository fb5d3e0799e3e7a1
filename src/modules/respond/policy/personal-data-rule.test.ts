import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReply } from './check-reply.ts';
import { passesLuhn } from './card-numbers.ts';
import type { PolicyRule } from './policy-rule.ts';
import { describePolicyCases, type PolicyCase } from './policy-cases.ts';

const cards: PolicyRule = { kind: 'personal-data', id: 'cards', severity: 'block', detect: ['card'] };
const phones: PolicyRule = { kind: 'personal-data', id: 'phones', severity: 'warn', detect: ['phone'] };
const emails: PolicyRule = { kind: 'personal-data', id: 'emails', severity: 'warn', detect: ['email'], publicContacts: ['help@globex.example', 'acme.example'] };
const addresses: PolicyRule = { kind: 'personal-data', id: 'addresses', severity: 'warn', detect: ['postal-address'] };
const orders: PolicyRule = { kind: 'personal-data', id: 'orders', severity: 'info', detect: ['order-number'], orderNumberPattern: String.raw`\bAC-\d{6}\b` };
const everything: PolicyRule = {
  kind: 'personal-data', id: 'all', severity: 'warn', detect: ['email', 'phone', 'card', 'postal-address', 'order-number'],
  orderNumberPattern: String.raw`\bAC-\d{6}\b`, publicContacts: ['+44 20 7946 0000'],
};

const found = (ruleId: string, match: string, severity: 'info' | 'warn' | 'block' = 'warn') => ({ ruleId, severity, match });

const cases: PolicyCase[] = [
  // Card numbers: Luhn-valid, in the layouts cards print.
  { name: 'a Visa number in fours', rules: [cards], text: 'My card 4111 1111 1111 1111 was charged twice', expected: [found('cards', '4111 1111 1111 1111', 'block')] },
  { name: 'a card number with dashes', rules: [cards], text: 'card: 5500-0000-0000-0004.', expected: [found('cards', '5500-0000-0000-0004', 'block')] },
  { name: 'a card number written together', rules: [cards], text: 'use 4012888888881881 please', expected: [found('cards', '4012888888881881', 'block')] },
  { name: 'an American Express number (4-6-5)', rules: [cards], text: 'Amex 3782 822463 10005 ok', expected: [found('cards', '3782 822463 10005', 'block')] },
  { name: 'not a 16-digit number failing Luhn', rules: [cards], text: 'ref 4111111111111112', expected: [] },
  { name: 'not one digit repeated', rules: [cards], text: '0000 0000 0000 0000', expected: [] },
  { name: 'not digits grouped unlike a card', rules: [cards], text: '12-05-2024 12-06-2024 and 4111 11 11 1111 1111', expected: [] },
  { name: 'not 12 digits', rules: [cards], text: '4111 1111 1111', expected: [] },
  // Phone numbers.
  { name: 'a UK number in international form', rules: [phones], text: 'Call +44 20 7946 0958 today', expected: [found('phones', '+44 20 7946 0958')] },
  { name: 'a UK number with the trunk zero in brackets', rules: [phones], text: 'ring +44 (0)20 7946 0958.', expected: [found('phones', '+44 (0)20 7946 0958')] },
  { name: 'a national number', rules: [phones], text: 'Ruf an: 030 1234567', expected: [found('phones', '030 1234567')] },
  { name: 'an area code in brackets', rules: [phones], text: 'or (020) 7946 0958', expected: [found('phones', '(020) 7946 0958')] },
  { name: 'an international 00 prefix', rules: [phones], text: 'tel 0049 30 1234567', expected: [found('phones', '0049 30 1234567')] },
  { name: 'a North American number', rules: [phones], text: 'text 555-123-4567 now', expected: [found('phones', '555-123-4567')] },
  { name: 'not dates', rules: [phones], text: 'On 2024-01-15, 15.01.2024 and 01.02.2024 10 people came', expected: [] },
  { name: 'not prices or version numbers', rules: [phones], text: 'Now £12.99 (was £1,299.00) on version 10.0.19041.1234', expected: [] },
  { name: 'not an unformatted number without a trunk prefix', rules: [phones], text: 'ticket 1700000000 and IP 192.168.100.200', expected: [] },
  { name: 'not 8 digits', rules: [phones], text: 'call 0123 4567', expected: [] },
  { name: 'not a card number', rules: [phones], text: 'card 4111 1111 1111 1111', expected: [] },
  { name: 'not digits inside a link', rules: [phones], text: 'https://acme.example/track?id=01234567890', expected: [] },
  // E-mail addresses.
  { name: 'an e-mail address', rules: [emails], text: 'write to Jane.Doe+orders@gmail.com!', expected: [found('emails', 'Jane.Doe+orders@gmail.com')] },
  { name: 'not a public contact address', rules: [emails], text: 'HELP@globex.example or team@acme.example or a@shop.acme.example', expected: [] },
  { name: 'an address at another domain that ends like a public one', rules: [emails], text: 'x@notacme.example', expected: [found('emails', 'x@notacme.example')] },
  { name: 'not a mention or a link with an @', rules: [emails], text: '@jane@mastodon.social see https://acme.example@evil.test/', expected: [] },
  // Postal addresses.
  { name: 'an English street and postcode as one address', rules: [addresses], text: 'Send it to 221B Baker Street, London NW1 6XE. Thanks', expected: [found('addresses', '221B Baker Street, London NW1 6XE')] },
  { name: 'a US address', rules: [addresses], text: 'at 1600 Pennsylvania Avenue, Washington, DC 20500.', expected: [found('addresses', '1600 Pennsylvania Avenue, Washington, DC 20500')] },
  { name: 'a German address', rules: [addresses], text: 'Wohne in der Hauptstraße 5, 10115 Berlin', expected: [found('addresses', 'Hauptstraße 5, 10115 Berlin')] },
  { name: 'German and French streets apart', rules: [addresses], text: 'Berliner Straße 12 and 12 rue de la Paix', expected: [found('addresses', 'Berliner Straße 12'), found('addresses', '12 rue de la Paix')] },
  { name: 'not a number before ordinary words', rules: [addresses], text: 'I walked 2 miles down the road; Top 10 Street Foods; we have 5 Stars', expected: [] },
  { name: 'not a five-digit number mid-sentence', rules: [addresses], text: 'We sold 10000 Units in 2024', expected: [] },
  // Order numbers.
  { name: 'an order number in any case', rules: [orders], text: 'Order AC-123456 and ac-654321', expected: [found('orders', 'AC-123456', 'info'), found('orders', 'ac-654321', 'info')] },
  { name: 'not a longer number', rules: [orders], text: 'AC-1234567 and BC-123456', expected: [] },
  // Several kinds at once.
  { name: 'each kind once, and a card number not also as a phone number', rules: [everything],
    text: 'Card 4111111111111111, mail j@x.io, order AC-123456, call 07946 095812 (not +44 20 7946 0000)',
    expected: [found('all', '4111111111111111'), found('all', 'j@x.io'), found('all', 'AC-123456'), found('all', '07946 095812')] },
];

describePolicyCases('personal data', cases);

describe('personal data replacements', () => {
  it('masks what it can, keeping the last digits', () => {
    const findings = checkReply('4111 1111 1111 1111 / +44 20 7946 0958 / jane@gmail.com / AC-123456 / 221B Baker Street', {}, [everything]);
    assert.deepEqual(findings.map((finding) => finding.replacement?.text), ['•••• •••• •••• 1111', '+•• •• •••• ••58', 'j•••@gmail.com', '••-••••56', undefined]);
    assert.deepEqual(findings[0]!.replacement!.span, findings[0]!.span);
  });
});

describe('the Luhn check', () => {
  for (const [digits, valid] of [['79927398713', true], ['79927398710', false], ['4111111111111111', true], ['4111111111111112', false], ['378282246310005', true]] as const) {
    it(`${digits} ${valid ? 'passes' : 'fails'}`, () => assert.equal(passesLuhn(digits), valid));
  }
});
