import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createGuardedHttp } from '../../../connectors/index.ts';
import { AppError } from '../../../errors.ts';
import { readStoryMetadata } from './read-story-metadata.ts';
import { startStoryPages, type StoryPages } from './story-pages.fixture.ts';

describe('reading a story page\'s metadata', () => {
  let pages: StoryPages;
  const local = createGuardedHttp({ allowHosts: ['127.0.0.1'], maxBytes: 1024 * 1024 });
  before(async () => { pages = await startStoryPages(); });
  after(() => pages.close());

  it('reads Open Graph tags, with entities decoded and the image made absolute', async () => {
    assert.deepEqual(await readStoryMetadata(local, `${pages.origin}/blog/spring`), {
      url: `${pages.origin}/blog/spring`, title: 'Spring at Acme & friends', summary: 'We planted 1,000 trees with our customers.',
      imageUrl: `${pages.origin}/img/trees.jpg`, siteName: 'Acme Blog',
    });
  });

  it('follows a redirect and keeps the final address', async () => {
    assert.equal((await readStoryMetadata(local, `${pages.origin}/moved`)).url, `${pages.origin}/blog/spring`);
  });

  it('reads the oEmbed document the page links for title, thumbnail and provider', async () => {
    const story = await readStoryMetadata(local, `${pages.origin}/blog/video`);
    assert.deepEqual([story.title, story.imageUrl, story.siteName], ['Our store tour', `${pages.origin}/img/tour.jpg`, 'Acme Video']);
  });

  it('falls back to twitter: tags, then to <title>', async () => {
    const story = await readStoryMetadata(local, `${pages.origin}/blog/plain`);
    assert.deepEqual([story.title, story.summary, story.imageUrl], ['Twitter title', 'From twitter tags', null]);
  });

  const refusals: { name: string; url: (origin: string) => string; reason: string; http?: ReturnType<typeof createGuardedHttp> }[] = [
    { name: 'a private address (no allow-list)', url: (o) => `${o}/blog/spring`, reason: 'blocked_address', http: createGuardedHttp() },
    { name: 'a redirect loop', url: (o) => `${o}/loop-a`, reason: 'too_many_redirects' },
    { name: 'a page larger than the cap', url: (o) => `${o}/huge`, reason: 'too_large' },
    { name: 'a PDF', url: (o) => `${o}/report.pdf`, reason: 'not_html' },
    { name: 'a missing page', url: (o) => `${o}/gone`, reason: 'http_error' },
    { name: 'a page without a title', url: (o) => `${o}/blog/untitled`, reason: 'no_title' },
    { name: 'a non-http URL', url: () => 'file:///etc/passwd', reason: 'bad_url' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with the reason "${refusal.reason}"`, async () => {
      await assert.rejects(readStoryMetadata(refusal.http ?? local, refusal.url(pages.origin)), (error: unknown) => {
        assert.ok(error instanceof AppError, String(error));
        assert.equal(error.code, 'BAD_REQUEST');
        assert.equal((error.details as { reason: string }).reason, refusal.reason, error.message);
        return true;
      });
    });
  }
});
