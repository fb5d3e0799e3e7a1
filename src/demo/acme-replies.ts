// How Acme Retail replies: which replies need a second pair of eyes (legal matters,
// big audiences, anything urgent) and a small library of starting points: saved
// replies in Customer Service's voice and the PR team's holding statement.
import type { Database } from '../db/index.ts';
import type { Actor } from '../modules/people/index.ts';
import { createLibraryEntry, saveRiskSettings } from '../modules/respond/index.ts';

const savedReplies = [
  { spoke: 'Customer Service', title: 'Parcel late', text: 'Sorry your parcel is late. Could you send me your order number in a direct message? I will chase the courier for you today.' },
  { spoke: 'Customer Service', title: 'Charged twice', text: 'Sorry about the double charge. The second one is usually a pending authorisation that drops off within 3 working days; if it does not, message me and I will refund it myself.' },
  { spoke: 'Product', title: 'Faulty product', text: 'That should not happen, sorry. Bring it back to any store or start a return at acme.example/returns and we will replace it or refund you, whichever you prefer.' },
  { spoke: null, title: 'Thanks for the kind words', text: 'Thank you, that is lovely to hear! I will pass it on to the team.' },
];

export async function seedAcmeReplies(db: Database, actor: Actor, spokeIds: Map<string, string>): Promise<void> {
  await saveRiskSettings(db, actor, { highRiskCategories: ['Legal'], reachThreshold: 10_000, urgencyThreshold: 70 });
  for (const entry of savedReplies) {
    await createLibraryEntry(db, actor, { kind: 'saved_reply', title: entry.title, text: entry.text, spokeId: entry.spoke ? spokeIds.get(entry.spoke)! : null });
  }
  await createLibraryEntry(db, actor, {
    kind: 'holding_statement', title: 'Service disruption',
    text: 'We know some of you are having trouble with orders today. The team is on it and we will post an update here within the hour. Sorry for the disruption.',
  });
}
