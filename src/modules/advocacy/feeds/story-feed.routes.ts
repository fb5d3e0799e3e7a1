// HTTP routes for story feeds: the company feeds new stories come from, managed by hub
// admins and PR leads (spoke leads for their spokes' feeds), and "poll now".
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import { StoryFeed, StoryFeedInput, StoryFeedList, StoryFeedPatch, StoryFeedPollResult } from './story-feed.contract.ts';
import { addStoryFeed, listStoryFeeds, removeStoryFeed, updateStoryFeed } from './story-feeds.ts';
import { pollStoryFeedNow } from './poll-story-feed.job.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['advocacy'];

export function registerStoryFeedRoutes(app: HerdApp, { db, http }: ModuleContext): void {
  app.get('/api/advocacy/feeds', { schema: { tags, summary: 'The story feeds you look after, with their health', response: { 200: StoryFeedList } } },
    async (request) => ({ items: await listStoryFeeds(db, actorOf(request)) }));
  app.post('/api/advocacy/feeds', { schema: { tags, summary: 'Add a company feed (RSS, Atom, JSON Feed) whose new items become stories; it is read at once', body: StoryFeedInput, response: { 201: StoryFeed } } },
    async (request, reply) => reply.status(201).send(await addStoryFeed(db, actorOf(request), request.body)));
  app.patch('/api/advocacy/feeds/:id', { schema: { tags, summary: 'Switch a story feed on or off, trust it to publish at once, move it to a spoke, rename it', params: IdParams, body: StoryFeedPatch, response: { 200: StoryFeed } } },
    async (request) => updateStoryFeed(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/advocacy/feeds/:id', { schema: { tags, summary: 'Remove a story feed; the stories it brought stay', params: IdParams } }, async (request, reply) => {
    await removeStoryFeed(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.post('/api/advocacy/feeds/:id/poll', { schema: { tags, summary: 'Read a story feed now: the new stories it made, items already known, and the error if it could not be read', params: IdParams, response: { 200: StoryFeedPollResult } } },
    async (request) => pollStoryFeedNow(db, http, actorOf(request), request.params.id));
}
