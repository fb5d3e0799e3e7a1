// Listening: the sources Herd hears (through src/connectors), the Boolean listening
// topics and their compiled matcher, and the mentions heard, stored once and threaded
// into conversations. Higher modules read mentions and conversations through here.
export { listeningModule } from './listening.module.ts';
export { mentionsStored } from './listening.events.ts';
export { runSourcePolling, claimDueSource, pollSource, type PollerDeps, type PollReport } from './source-poller.ts';
export { runSourceStreaming, checkStreams, stopStreams, streamedKinds, type StreamerDeps, type ActiveStreams } from './source-streamer.ts';
export { storeMentions, type PostToStore } from './mention-store.ts';
export { ingestPosts, type IngestOutcome, type IngestTarget } from './ingest-posts.ts';
export { createSource } from './sources.ts';
export { createTopic, topicNamesById } from './topics.ts';
export { listMentions, mentionsOnTopics } from './mentions.ts';
export { mentionsForEnrichment, type MentionToEnrich } from './mentions-for-enrichment.ts';
export { importMentionsFile, fileSourceNamed, parseColumnMap, importFields, type ImportFormat, type ImportSummary, type ImportProgress } from './file-import.ts';
export { acceptsEmailFor, deliverEmail } from './email-inbox.ts';
export { signWebhook } from './webhook-ingest.ts';
export { conversationThread, conversationHeadlines, authorHistory, conversationsMatching, type ThreadMention, type ConversationHeadline } from './conversation-threads.ts';
export { replyTargetOf, newestMentionOf, topicNamesOf, type ReplyTarget } from './reply-targets.ts';
