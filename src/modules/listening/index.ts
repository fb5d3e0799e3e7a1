// Listening: the sources Herd hears (through src/connectors), the Boolean listening
// topics and their compiled matcher, and the mentions heard, stored once and threaded
// into conversations. Higher modules read mentions and conversations through here.
export { listeningModule } from './listening.module.ts';
export { runSourcePolling, claimDueSource, pollSource, type PollerDeps, type PollReport } from './source-poller.ts';
export { storeMentions, type PostToStore } from './mention-store.ts';
export { createSource } from './sources.ts';
export { createTopic } from './topics.ts';
export { listMentions } from './mentions.ts';
