// HTTP routes for one's own notifications and e-mail preferences, and for the
// organization's outgoing webhook channels (hub admins).
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import { Channel, ChannelInput, ChannelPatch, ChannelTestOutcome, CreatedChannel, MarkReadInput, NotificationPage, NotificationQuery, Preferences } from './notifications.contract.ts';
import { listMyNotifications, markMyNotificationsRead } from './my-notifications.ts';
import { myPreferences, setMyPreferences } from './notification-preferences.ts';
import { createChannel, deleteChannel, listChannels, testChannel, updateChannel } from './notification-channels.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['notifications'];

export function registerNotificationRoutes(app: HerdApp, { db, http }: ModuleContext): void {
  app.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first', querystring: NotificationQuery, response: { 200: NotificationPage } } },
    async (request) => listMyNotifications(db, actorOf(request), request.query));
  app.post('/api/notifications/read', { schema: { tags, summary: 'Mark some (ids) or all of my notifications read', body: MarkReadInput, response: { 200: Type.Object({ marked: Type.Integer() }) } } },
    async (request) => markMyNotificationsRead(db, actorOf(request), request.body));
  app.get('/api/notifications/preferences', { schema: { tags, summary: 'How I get notification e-mail', response: { 200: Preferences } } },
    async (request) => myPreferences(db, actorOf(request)));
  app.put('/api/notifications/preferences', { schema: { tags, summary: 'Set how I get notification e-mail', body: Preferences, response: { 200: Preferences } } },
    async (request) => setMyPreferences(db, actorOf(request), request.body));

  app.get('/api/notification-channels', { schema: { tags, summary: 'Outgoing webhook channels (Slack, Teams)', response: { 200: Type.Object({ items: Type.Array(Channel) }) } } },
    async (request) => ({ items: await listChannels(db, actorOf(request)) }));
  app.post('/api/notification-channels', { schema: { tags, summary: 'Add a channel; its signing secret is shown only in this answer', body: ChannelInput, response: { 201: CreatedChannel } } },
    async (request, reply) => reply.status(201).send(await createChannel(db, actorOf(request), request.body)));
  app.patch('/api/notification-channels/:id', { schema: { tags, summary: 'Rename a channel or change its format or URL', params: IdParams, body: ChannelPatch, response: { 200: Channel } } },
    async (request) => updateChannel(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/notification-channels/:id', { schema: { tags, summary: 'Remove a channel', params: IdParams } }, async (request, reply) => {
    await deleteChannel(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.post('/api/notification-channels/:id/test', { schema: { tags, summary: 'Send a test message to a channel now', params: IdParams, response: { 200: ChannelTestOutcome } } },
    async (request) => testChannel(db, http, actorOf(request), request.params.id));
}
