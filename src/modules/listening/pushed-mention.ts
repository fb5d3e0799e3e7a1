// One mention as other systems hand it to Herd (a webhook push, a row of an imported
// file), checked field by field so a bad item is reported and the rest still stored.
import type { FieldProblem } from '../../errors.ts';
import type { PostToStore } from './mention-store.ts';

/** The documented shape of a pushed mention (docs/webhook-ingest.md). */
export interface PushedMention {
  id: string;
  text: string;
  url?: string;
  title?: string;
  author?: { handle?: string; name?: string; followers?: number; profileUrl?: string };
  language?: string;
  createdAt?: string;
  inReplyTo?: string;
}

const LIMITS = { id: 500, text: 100_000, title: 1000, url: 2048, handle: 200, name: 200 } as const;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The post to store, or every problem with the item (fields named as in the payload, e.g. `author.followers`). */
export function checkPushedMention(item: unknown): { post: PostToStore; problems?: undefined } | { post?: undefined; problems: FieldProblem[] } {
  if (!isObject(item)) return { problems: [{ field: '', message: 'must be an object' }] };
  const problems: FieldProblem[] = [];
  const text = (field: string, value: unknown, max: number, required = false): string | undefined => {
    if (value === undefined || value === null || value === '') {
      if (required) problems.push({ field, message: 'is required' });
      return undefined;
    }
    if (typeof value !== 'string') problems.push({ field, message: 'must be a string' });
    else if (value.length > max) problems.push({ field, message: `must be at most ${max} characters` });
    else if (required && value.trim() === '') problems.push({ field, message: 'must not be blank' });
    else return value;
    return undefined;
  };
  const url = (field: string, value: unknown) => {
    const checked = text(field, value, LIMITS.url);
    if (checked !== undefined && !isHttpUrl(checked)) {
      problems.push({ field, message: 'must be an http(s) URL' });
      return undefined;
    }
    return checked;
  };

  const id = text('id', item.id, LIMITS.id, true);
  const body = text('text', item.text, LIMITS.text, true);
  const title = text('title', item.title, LIMITS.title);
  const link = url('url', item.url);
  const inReplyTo = text('inReplyTo', item.inReplyTo, LIMITS.id);
  const language = text('language', item.language, 2);
  if (language !== undefined && !/^[a-z]{2}$/.test(language)) problems.push({ field: 'language', message: 'must be an ISO 639-1 code such as "en"' });
  const createdAt = text('createdAt', item.createdAt, 64);
  if (createdAt !== undefined && Number.isNaN(new Date(createdAt).getTime())) problems.push({ field: 'createdAt', message: 'must be an ISO 8601 date-time' });

  let author: PostToStore['author'];
  if (item.author !== undefined && item.author !== null) {
    if (!isObject(item.author)) {
      problems.push({ field: 'author', message: 'must be an object' });
    } else {
      const followers = item.author.followers;
      if (followers !== undefined && followers !== null && !(Number.isInteger(followers) && (followers as number) >= 0)) {
        problems.push({ field: 'author.followers', message: 'must be a whole number of at least 0' });
      }
      author = {
        handle: text('author.handle', item.author.handle, LIMITS.handle),
        displayName: text('author.name', item.author.name, LIMITS.name),
        followers: typeof followers === 'number' ? followers : undefined,
        profileUrl: url('author.profileUrl', item.author.profileUrl),
      };
    }
  }
  if (problems.length > 0) return { problems };
  const post: PostToStore = { externalId: id!, text: body!, raw: item };
  if (title !== undefined) post.title = title;
  if (link !== undefined) {
    post.url = link;
    post.site = new URL(link).hostname;
  }
  if (language !== undefined) post.language = language;
  if (createdAt !== undefined) post.createdAt = new Date(createdAt).toISOString();
  if (inReplyTo !== undefined) post.inReplyToExternalId = inReplyTo;
  if (author && Object.values(author).some((value) => value !== undefined)) {
    post.author = Object.fromEntries(Object.entries(author).filter(([, value]) => value !== undefined));
  }
  return { post };
}
