// POST /api/v1/statuses for the local Mastodon test server, as Mastodon 4.x answers it:
// scope checks on the token, Idempotency-Key per account (the same key answers the
// status it created first), validation errors as 422, an unknown parent as 404, and
// the new Status entity with its mention of the parent's author.
import type { MastodonAccount, MastodonStatus } from './mastodon-status.ts';

/** A token that may read but not write, as an application registered with only the read scope has. */
export const READ_ONLY_TOKEN = 'tok_read_77b1e0';
/** Mastodon's default limit for a status's text. */
const MAX_CHARACTERS = 500;

export interface PostingAnswer { status: number; body: unknown }

export interface StatusPoster {
  /** Statuses created, oldest first; an idempotent repeat creates none. */
  posted: MastodonStatus[];
  post(params: Record<string, unknown>, token: string | undefined, idempotencyKey: string | undefined): PostingAnswer;
}

export interface StatusPosterOptions {
  goodToken: string;
  /** The account the good token belongs to. */
  account: MastodonAccount;
  findStatus(id: string): MastodonStatus | undefined;
  /** Builds a Status entity (the server's makeStatus). */
  makeStatus(id: string, account: MastodonAccount, content: string, extra: Partial<MastodonStatus> & Record<string, unknown>): MastodonStatus;
  now(): Date;
}

export function createStatusPoster(options: StatusPosterOptions): StatusPoster {
  const posted: MastodonStatus[] = [];
  const byKey = new Map<string, MastodonStatus>();

  function post(params: Record<string, unknown>, token: string | undefined, idempotencyKey: string | undefined): PostingAnswer {
    if (token === READ_ONLY_TOKEN) return { status: 403, body: { error: 'This action is outside the authorized scopes' } };
    if (token !== options.goodToken) return { status: 401, body: { error: 'The access token is invalid' } };
    // Mastodon answers a repeated key before validating anything, with the status the key created.
    const earlier = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (earlier) return { status: 200, body: earlier };
    const text = typeof params.status === 'string' ? params.status : '';
    if (!text.trim()) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
    if ([...text].length > MAX_CHARACTERS) return { status: 422, body: { error: `Validation failed: Text character limit of ${MAX_CHARACTERS} exceeded` } };
    const parentId = typeof params.in_reply_to_id === 'string' ? params.in_reply_to_id : undefined;
    const parent = parentId ? options.findStatus(parentId) ?? posted.find((status) => status.id === parentId) : undefined;
    if (parentId && !parent) return { status: 404, body: { error: 'The post you are trying to reply to does not appear to exist.' } };
    const status = newStatus(text, parent, params.visibility);
    posted.push(status);
    if (idempotencyKey) byKey.set(idempotencyKey, status);
    return { status: 200, body: status };
  }

  function newStatus(text: string, parent: MastodonStatus | undefined, visibility: unknown): MastodonStatus {
    const id = String(113541000000009000n + BigInt(posted.length + 1));
    const parentAuthor = parent?.account;
    const mentions = parentAuthor && text.toLowerCase().includes(`@${parentAuthor.acct.toLowerCase()}`)
      ? [{ id: parentAuthor.id, username: parentAuthor.username, acct: parentAuthor.acct, url: parentAuthor.url }]
      : [];
    return options.makeStatus(id, options.account, `<p>${escapeHtml(text)}</p>`, {
      created_at: options.now().toISOString(),
      in_reply_to_id: parent?.id ?? null,
      in_reply_to_account_id: parentAuthor?.id ?? null,
      visibility: typeof visibility === 'string' ? visibility : 'public',
      language: null,
      mentions,
      tags: [],
      application: { name: 'Herd', website: null },
    });
  }

  return { posted, post };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br />');
}
