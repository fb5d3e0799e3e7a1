// Cache keys for what belongs to one conversation but another feature fetches (its
// replies, for one). Whoever hears that the conversation changed (the inbox's live
// feed) refreshes everything under `conversationScopeKey(id)`, without knowing what is there.
export const conversationScopeKey = (conversationId: string) => ['conversation-scope', conversationId] as const;
