// The categories Acme Retail's hub starts with (which part of the company should care),
// each with keywords that decide outright and a few examples, written for the demo, so
// the category model can triage from the first minute. Legal comes first: its keywords
// decide before any other category's ("my lawyer" about a faulty kettle is Legal's).
import type { Database } from '../db/index.ts';
import type { Actor } from '../modules/people/index.ts';
import { addExamples, createCategory, learnCategories } from '../modules/triage/index.ts';

const categoryTable: { name: string; description: string; keywords: string[]; examples: string[] }[] = [
  {
    name: 'Legal', description: 'Threats of legal action, data protection and discrimination: Legal and PR look first.', keywords: ['lawyer', 'lawsuit', 'solicitor', 'data breach', 'gdpr'],
    examples: [
      'I will be taking this to small claims court', 'I want all the personal data you hold on me',
      'Your advert breaks advertising standards', 'I was refused service because of my wheelchair, this is discrimination',
      'Someone used my account details, has there been a leak', 'I have reported you to trading standards',
    ],
  },
  {
    name: 'Delivery', description: 'Orders, parcels, couriers and tracking: Logistics answers.', keywords: ['courier', 'tracking number'],
    examples: [
      'My parcel was due on Monday and it still has not arrived', 'The driver left the box in the rain outside my door',
      'Tracking has said out for delivery for three days now', 'Ordered next day delivery, it took a week',
      'Where is my order? Nobody answers the delivery hotline', 'Package delivered to the wrong house again',
      'Meine Bestellung ist immer noch nicht angekommen', 'Mi pedido lleva diez días de retraso',
    ],
  },
  {
    name: 'Billing and refunds', description: 'Payments, refunds, invoices and charges: Customer Service answers.', keywords: ['refund', 'charged twice'],
    examples: [
      'I returned the jacket a month ago and I am still waiting for my money back', 'You took the payment twice from my card',
      'The invoice shows a price higher than the website', 'Why was I charged for delivery when it said free',
      'My gift card balance disappeared after checkout', 'The discount code was not applied at the till',
      'Toujours pas de remboursement après trois semaines', 'Can I get my money back if the sale price dropped',
    ],
  },
  {
    name: 'Product defect', description: 'Faulty, broken or unsafe products: Product answers.', keywords: ['faulty', 'stopped working'],
    examples: [
      'The kettle I bought last week leaks from the bottom', 'Zip broke the second time I wore the coat',
      'The blender smells of burning plastic after two uses', 'Stitching came apart on the new trainers',
      'The phone charger gets really hot, is that safe?', 'The lamp flickers and then switches itself off',
      'Screen cracked by itself in the box', 'Colour ran in the first wash and ruined everything else',
    ],
  },
  {
    name: 'Store experience', description: 'Queues, staff, stock and tidiness in a store: the store answers.', keywords: ['fitting room', 'checkout queue'],
    examples: [
      'Twenty minutes in the queue with only one till open', 'The staff in the shop were so rude to my mum',
      'Shelves were empty, nothing in my size', 'The store was a mess, clothes all over the floor',
      'Nobody to help in the electronics section', 'The lift to the first floor has been broken for weeks',
      'Security guard followed me around the whole shop', 'Lovely layout but you can never find anyone to ask',
    ],
  },
  {
    name: 'Jobs and HR', description: 'Applications, working conditions and former staff: HR answers.', keywords: ['job application', 'vacancy', 'vacancies'],
    examples: [
      'Are you hiring for the Christmas season?', 'I applied for the assistant manager role and never heard back',
      'Do you offer apprenticeships in the head office?', 'How do I apply to work in the Leeds store',
      'Former employee here, still waiting for my last payslip', 'Is the warehouse hiring night shift staff',
      'What is the interview process like at Acme', 'Part time work for students?',
    ],
  },
  {
    name: 'Praise', description: 'Thanks and compliments: share them with the team.', keywords: ['thank you so much', 'shout out'],
    examples: [
      'Huge thanks to Maria at the Manchester store, she went above and beyond', 'Best customer service I have had in years',
      'Love the new autumn collection', 'Delivery came a day early, brilliant',
      'The staff helped my dad find everything, so kind', 'Great experience returning a gift, took two minutes',
      'Merci pour votre aide rapide', 'Always a pleasure shopping here',
      'Lovely staff at the Glasgow store today', 'The team in the Berlin shop were wonderful with my kids',
    ],
  },
];

/** Creates the categories with their examples and trains the first category model; returns their ids by name. */
export async function seedAcmeCategories(db: Database, actor: Actor): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, { examples, ...category }] of categoryTable.entries()) {
    const created = await createCategory(db, actor, { ...category, position });
    await addExamples(db, actor, created.id, examples);
    ids.set(created.name, created.id);
  }
  await learnCategories(db, actor.orgId);
  return ids;
}
