// Mentions in a reply: @name (Bluesky's @name.bsky.social too) and the fediverse's
// @name@server. Not mentions: e-mail addresses, and @ inside a link.

export interface FoundMention {
  start: number;
  end: number;
  /** The name without "@" or the server: "jane" in "@jane@mastodon.social". */
  localPart: string;
}

const MENTION = /(?<![\p{L}\p{N}_@/.])@([A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*)(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu;

export function findMentions(text: string): FoundMention[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(MENTION)].map((match) => ({ start: match.index, end: match.index + match[0].length, localPart: match[1]! }));
}
