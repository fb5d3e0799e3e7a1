// HTTP routes for stories and shares: reading a story's page, adding, changing,
// reviewing and pausing stories, a volunteer's feed, the advocacy settings, and
// sharing (the composer's preview, making a share, my shares, confirming a share
// published by hand).
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { requireAccess } from '../people/index.ts';
import {
  CreatedShare, Share, ShareConfirmInput, SharePage, SharePageQuery, SharePreview, ShareInput, Story, StoryInput, StoryListQuery, StoryMetadata, StoryMetadataInput,
  StoryPage, StoryPatch, StoryPauseInput, StoryReviewInput,
} from './advocacy.contract.ts';
import { readStoryMetadata } from './stories/read-story-metadata.ts';
import { createStory } from './stories/create-story.ts';
import { updateStory } from './stories/update-story.ts';
import { pauseStory, reviewStory } from './stories/review-story.ts';
import { listStories, storyFeed } from './stories/list-stories.ts';
import { storyFor, viewStory } from './stories/story-views.ts';
import { AdvocacySettingsPatch, AdvocacySettingsSchema, advocacySettingsOf, saveAdvocacySettings } from './shares/advocacy-settings.ts';
import { createShare, previewShare } from './shares/create-share.ts';
import { listMyShares, myShare } from './shares/share-views.ts';
import { confirmShare } from './shares/confirm-share.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['advocacy'];

function registerStoryRoutes(app: HerdApp, { db, http }: ModuleContext): void {
  app.post('/api/advocacy/story-metadata', { schema: { tags, summary: 'Read a page\'s title, summary and image (Open Graph, oEmbed) for a new story', body: StoryMetadataInput, response: { 200: StoryMetadata } } },
    async (request) => {
      requireAccess(actorOf(request), 'advocacy.join');
      return readStoryMetadata(http, request.body.url);
    });
  app.get('/api/advocacy/stories', { schema: { tags, summary: 'Stories you may see, newest first', querystring: StoryListQuery, response: { 200: StoryPage } } },
    async (request) => listStories(db, actorOf(request), request.query));
  app.post('/api/advocacy/stories', { schema: { tags, summary: 'Add a story (hub and leads) or suggest one (anyone)', body: StoryInput, response: { 201: Story } } },
    async (request, reply) => reply.status(201).send(await createStory(db, http, actorOf(request), request.body)));
  app.get('/api/advocacy/stories/:id', { schema: { tags, summary: 'One story', params: IdParams, response: { 200: Story } } },
    async (request) => viewStory(await storyFor(db, actorOf(request), request.params.id)));
  app.patch('/api/advocacy/stories/:id', { schema: { tags, summary: 'Change a story\'s content, audience, dates or spoke', params: IdParams, body: StoryPatch, response: { 200: Story } } },
    async (request) => updateStory(db, actorOf(request), request.params.id, request.body));
  app.post('/api/advocacy/stories/:id/review', { schema: { tags, summary: 'Approve (it goes live) or reject a suggested, draft or in-review story', params: IdParams, body: StoryReviewInput, response: { 200: Story } } },
    async (request) => reviewStory(db, actorOf(request), request.params.id, request.body));
  app.post('/api/advocacy/stories/:id/pause', { schema: { tags, summary: 'Pause or resume a live story', params: IdParams, body: StoryPauseInput, response: { 200: Story } } },
    async (request) => pauseStory(db, actorOf(request), request.params.id, request.body.paused));
  app.get('/api/advocacy/feed', { schema: { tags, summary: 'Live stories for you: your spokes, skills and languages; ended ones shown as expired', response: { 200: Type.Object({ items: Type.Array(Story) }) } } },
    async (request) => ({ items: await storyFeed(db, actorOf(request)) }));
}

function registerShareRoutes(app: HerdApp, { db, config }: ModuleContext): void {
  app.get('/api/advocacy/settings', { schema: { tags, summary: 'Points, caps, sharing hours and the pause switch', response: { 200: AdvocacySettingsSchema } } }, async (request) => {
    const actor = actorOf(request);
    requireAccess(actor, 'advocacy.join');
    return advocacySettingsOf(db, actor.orgId);
  });
  app.patch('/api/advocacy/settings', { schema: { tags, summary: 'Change the advocacy settings (hub admins)', body: AdvocacySettingsPatch, response: { 200: AdvocacySettingsSchema } } },
    async (request) => saveAdvocacySettings(db, actorOf(request), request.body));
  app.post('/api/advocacy/shares/preview', { schema: { tags, summary: 'Check a share as it is written: findings, nudges, the text that will go out, whether it may go out now and why not', body: ShareInput, response: { 200: SharePreview } } },
    async (request) => previewShare(db, config.publicUrl, actorOf(request), request.body));
  app.post('/api/advocacy/shares', { schema: { tags, summary: 'Share a story in your own words: published through your connected account, or opened through the network\'s compose link; now or scheduled', body: ShareInput, response: { 201: CreatedShare } } },
    async (request, reply) => reply.status(201).send(await createShare(db, config.publicUrl, actorOf(request), request.body)));
  app.get('/api/advocacy/shares/mine', { schema: { tags, summary: 'Your shares, newest first', querystring: SharePageQuery, response: { 200: SharePage } } },
    async (request) => listMyShares(db, actorOf(request), config.publicUrl, request.query));
  app.get('/api/advocacy/shares/:id', { schema: { tags, summary: 'One of your shares (to follow one being published)', params: IdParams, response: { 200: Share } } },
    async (request) => myShare(db, actorOf(request), config.publicUrl, request.params.id));
  app.post('/api/advocacy/shares/:id/confirm', { schema: { tags, summary: 'Say that a share opened through its compose link was published (with the post\'s address, if you have it)', params: IdParams, body: ShareConfirmInput, response: { 200: Share } } },
    async (request) => confirmShare(db, config.publicUrl, actorOf(request), request.params.id, request.body));
}

export function registerStoryAndShareRoutes(app: HerdApp, context: ModuleContext): void {
  registerStoryRoutes(app, context);
  registerShareRoutes(app, context);
}
