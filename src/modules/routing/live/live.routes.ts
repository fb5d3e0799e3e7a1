// GET /api/live: the signed-in person's live feed as Server-Sent Events, filtered to
// what they may see. A comment every 25 s keeps proxies from closing an idle stream.
import type { ServerResponse } from 'node:http';
import { AppError } from '../../../errors.ts';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import { mayHear } from './live-visibility.ts';

export const HEARTBEAT_MS = 25_000;

export function registerLiveRoutes(app: HerdApp, { live }: ModuleContext): void {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves; without this, closing the server would wait for them.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });

  app.get('/api/live', {
    schema: {
      tags: ['routing'],
      summary: 'Live events for the signed-in person (text/event-stream): conversation.changed and notification.created, ids only',
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (!live) throw new AppError('NOT_READY', 'Live events are not available from this server.');
    const stream = reply.raw;
    const unsubscribe = await live.subscribe((event) => {
      if (mayHear(actor, event)) stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    reply.hijack();
    if (stream.destroyed) return unsubscribe();
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    stream.write(': listening\n\n');
    open.add(stream);
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
    stream.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      open.delete(stream);
    });
  });
}
