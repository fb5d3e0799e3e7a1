// Live events: changes announced in their transaction, heard by every Herd process,
// streamed to the web app filtered per person.
export { publishLive, publishLiveEvents, type LiveEvent } from './live-event.ts';
export { createLiveHub, type LiveHub, type LiveListener } from './live-hub.ts';
export { registerLiveRoutes } from './live.routes.ts';
