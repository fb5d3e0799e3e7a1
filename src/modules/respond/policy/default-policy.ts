// The starter policy of the "Acme Retail" demo, and of any organization until its hub
// saves its own: what can never go out blocks (card numbers, confidential names,
// profanity), what needs a second look warns.
import type { PolicyRule } from './policy-rule.ts';

export const defaultPolicyRules: PolicyRule[] = [
  {
    kind: 'disclosure', id: 'disclose-employment', severity: 'warn',
    description: 'On the open networks, say that you work at Acme.',
    networks: ['mastodon', 'bluesky'],
    phrases: ['I work at Acme', 'I work for Acme', 'Acme employee', '#AcmeTeam', '#AcmeEmployee'],
    suggestion: '(I work at Acme) #AcmeTeam',
  },
  {
    kind: 'personal-data', id: 'no-card-numbers', severity: 'block',
    description: 'Payment card numbers never go out, not even repeated from the customer.',
    detect: ['card'],
  },
  {
    kind: 'personal-data', id: 'no-personal-data', severity: 'warn',
    description: 'Take e-mail addresses, phone numbers, addresses and order numbers to a direct message.',
    detect: ['email', 'phone', 'postal-address', 'order-number'],
    orderNumberPattern: String.raw`\bAC-\d{6}\b`,
    publicContacts: ['acme.example', '+44 20 7946 0000'],
  },
  {
    kind: 'confidential-terms', id: 'confidential-projects', severity: 'block',
    description: 'Code names of unannounced projects.',
    terms: ['Project Falcon', 'Falcon launch', 'Bluebird', 'Northwind migration'],
  },
  {
    kind: 'forbidden-claims', id: 'forbidden-claims', severity: 'warn',
    description: 'Promises and claims only Legal, Finance or the product team may make.',
    claims: [
      { phrase: 'guarantee*', category: 'financial', why: 'only the published terms may guarantee anything.' },
      { phrase: 'risk-free', category: 'financial', why: 'nothing we sell is free of risk, and saying so is a promise we cannot keep.' },
      { phrase: 'best price*', category: 'regulated', why: 'price comparisons are regulated advertising claims.' },
      { phrase: 'cure*', category: 'medical', why: 'we make no health claims about our products.' },
      { phrase: 'clinically proven', category: 'medical', why: 'only the product team may cite clinical evidence.' },
      { phrase: '100% safe', category: 'regulated', why: 'safety claims must come from the product information.' },
      { phrase: 'will win in court', category: 'legal', why: 'we never predict the outcome of legal matters.' },
      { phrase: 'not liable', category: 'legal', why: 'only the legal team may say who is liable.' },
    ],
  },
  {
    kind: 'profanity', id: 'no-profanity', severity: 'block',
    description: 'No swearing and no insults, however provoked.',
  },
  {
    kind: 'link-allow-list', id: 'acme-links-only', severity: 'warn',
    description: 'Link to our own sites; anything else needs a second look.',
    allowedDomains: ['acme.example'],
  },
  {
    kind: 'marketing-copy', id: 'own-words', severity: 'warn',
    description: 'Replies are conversations, not ads.',
    copies: [
      { id: 'spring-sale', text: 'Spring into savings at Acme Retail! Everything you love, up to 40% off storewide, this weekend only. Shop now at acme.example/spring.' },
      { id: 'loyalty-club', text: 'Join the Acme Club today and earn points on every purchase, get free delivery on orders over £30 and be first to hear about exclusive member offers.' },
    ],
  },
];
