// Mastodon's convention for replies: the text @-mentions the author answered, which is
// also what notifies them. Herd adds the mention in front unless the author wrote it.

/** Mastodon's own pattern for a mention: @user or @user@domain, not inside a word or a URL. */
const MENTION = /(?<![\w/])@([a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?(?:@[\w.-]*\w)?)/gi;

/**
 * The text, with `@acct ` in front unless it already mentions that account. `acct` is the
 * author as the instance knows them: 'user' (local to `instanceHost`) or 'user@domain'.
 */
export function withMention(text: string, acct: string | undefined, instanceHost: string): string {
  if (!acct) return text;
  const wanted = sameAccountForms(acct.toLowerCase(), instanceHost.toLowerCase());
  const mentioned = [...text.matchAll(MENTION)].some((match) => wanted.has(match[1]!.toLowerCase()));
  return mentioned ? text : `@${acct} ${text}`;
}

/** A local account can be written with or without the instance's domain. */
function sameAccountForms(acct: string, instanceHost: string): Set<string> {
  const [user, domain] = acct.split('@');
  if (!domain) return new Set([acct, `${acct}@${instanceHost}`]);
  return domain === instanceHost ? new Set([acct, user!]) : new Set([acct]);
}
