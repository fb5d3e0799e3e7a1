import { it } from 'node:test';
import assert from 'node:assert/strict';
import { withUtmTags } from './utm-tags.ts';

const utm = { source: 'linkedin', medium: 'employee-share', campaign: 'spring-sale' };
const tag = (url: string, extra: Partial<typeof utm & { content: string }> = {}) => withUtmTags(new URL(url), { ...utm, ...extra });

const cases: [string, string, string][] = [
  ['adds the tags to a URL without a query', 'https://acme.example/blog/spring', 'https://acme.example/blog/spring?utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale'],
  ['keeps the existing query byte for byte, in order', 'https://acme.example/p?id=7&q=a%20b+c&flag', 'https://acme.example/p?id=7&q=a%20b+c&flag&utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale'],
  ['keeps the fragment after the query', 'https://acme.example/p?id=7#reviews', 'https://acme.example/p?id=7&utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale#reviews'],
  ['replaces UTM keys the story already has instead of repeating them', 'https://acme.example/p?utm_source=newsletter&x=1&UTM_Medium=email', 'https://acme.example/p?x=1&utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale'],
  ['keeps a utm_content the share does not set', 'https://acme.example/p?utm_content=hero', 'https://acme.example/p?utm_content=hero&utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale'],
  ['drops an empty query marker', 'https://acme.example/p?#top', 'https://acme.example/p?utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale#top'],
];

for (const [what, url, expected] of cases) it(what, () => assert.equal(tag(url), expected));

it('adds utm_content for the share and encodes the values', () => {
  const tagged = new URL(tag('https://acme.example/p?utm_content=old', { campaign: 'große & neu', content: 'share-1' }));
  assert.deepEqual(tagged.searchParams.getAll('utm_content'), ['share-1']);
  assert.equal(tagged.searchParams.get('utm_campaign'), 'große & neu');
});
