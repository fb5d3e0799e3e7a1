// What Acme Retail's people are asked to spread: a few live stories from the hub and
// the stores with talking points (never a script), a volunteer's suggestion waiting
// for the PR lead, and the public page of what employees publish switched on. The
// pages are described here, not fetched: the demo must start without the internet.
import type { Database } from '../db/index.ts';
import type { Actor } from '../modules/people/index.ts';
import { addStory, saveAdvocacySettings } from '../modules/advocacy/index.ts';

const site = 'https://www.acme-retail.example';
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

const hubStories = [
  {
    url: `${site}/news/repair-cafe`, title: 'Repair cafés come to every Acme store',
    summary: 'From January, every store hosts a monthly repair café: bring a broken lamp, toaster or jacket and our staff and local volunteers help you fix it.',
    talkingPoints: ['What you would bring to be fixed, or what you once repaired yourself', 'Why keeping things in use matters to you'],
    hashtags: ['RepairCafe', 'AcmeRetail'], endsAt: days(30),
  },
  {
    url: `${site}/careers/winter-hiring`, title: 'We are hiring 300 people for the winter',
    summary: 'Seasonal and permanent roles in stores, the Madrid warehouse and customer service, with training from day one.',
    talkingPoints: ['What your first weeks at Acme were like', 'Who on your team you learned the most from'],
    hashtags: ['Hiring', 'AcmeCareers'], endsAt: days(21),
  },
];

export async function seedAcmeAdvocacy(db: Database, prLead: Actor, volunteer: Actor, storeSpokeId: string): Promise<void> {
  await saveAdvocacySettings(db, prLead, { publicVoice: { enabled: true, title: 'The people of Acme Retail' } });
  const describe = (story: { url: string; title: string; summary: string }) => ({ url: story.url, title: story.title, summary: story.summary, imageUrl: null, siteName: 'Acme Retail' });
  for (const story of hubStories) await addStory(db, prLead, { ...story, status: 'live' }, describe(story));
  const leeds = {
    url: `${site}/stores/leeds-briggate/late-opening`, title: 'Leeds Briggate opens until 9 pm on Thursdays',
    summary: 'Late-night shopping with a coffee bar on the first floor, from this Thursday.',
  };
  await addStory(db, prLead, { ...leeds, spokeId: storeSpokeId, audienceSpokeIds: [storeSpokeId], talkingPoints: ['What you like about the store in the evening'], hashtags: ['Leeds'], status: 'live' }, describe(leeds));
  const suggestion = {
    url: `${site}/blog/carrier-bikes`, title: 'Our Madrid deliveries now go by cargo bike',
    summary: 'Parcels in central Madrid now arrive by electric cargo bike, twice as fast in the rush hour.',
  };
  await addStory(db, volunteer, { ...suggestion, talkingPoints: ['The team behind it, and the first week of rides'] }, describe(suggestion));
}
