// Tracked links: each share's short link (`/s/:code`) and where it leads, and the clicks
// they earned, summed for the measurement of shares, stories, people and spokes.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Database } from '../../../db/index.ts';
import { isUniqueViolation } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import { linkClicks, trackedLinks } from '../advocacy.schema.ts';
import { withUtmTags, type UtmTags } from './utm-tags.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62^8 ≈ 2.2e14 codes: a collision is rare, and unguessable enough that codes cannot be enumerated. */
export const CODE_LENGTH = 8;
const CODE_ATTEMPTS = 5;
export const codePattern = /^[0-9A-Za-z]{1,32}$/;

/** A random base62 code; bytes of 248 and above are skipped so every character is equally likely. */
export function newLinkCode(random: (size: number) => Buffer = randomBytes): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of random(CODE_LENGTH * 2)) {
      if (byte < 248 && code.length < CODE_LENGTH) code += BASE62[byte % 62];
    }
  }
  return code;
}

export interface TrackedLinkInput {
  shareId?: string | null;
  storyUrl: string;
  utm: UtmTags;
}

export interface TrackedLink {
  code: string;
  targetUrl: string;
  /** The short link, absolute when the public URL is known. */
  shortUrl: string;
}

function storyUrlOf(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid([{ field: 'storyUrl', message: 'must be a URL' }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid([{ field: 'storyUrl', message: 'must be an http or https URL' }]);
  return url;
}

/** The path of a code's short link, under `publicUrl` when given. */
export const shortUrlOf = (code: string, publicUrl?: string) => `${publicUrl ? publicUrl.replace(/\/+$/, '') : ''}/s/${code}`;

/** Makes the short link of a share (or of no share, e.g. a link in a newsletter): a fresh code, the story URL with its UTM tags. */
export async function createTrackedLink(db: Database, orgId: string, input: TrackedLinkInput, options: { publicUrl?: string; newCode?: () => string } = {}): Promise<TrackedLink> {
  const { newCode = newLinkCode } = options;
  const targetUrl = withUtmTags(storyUrlOf(input.storyUrl), input.utm);
  for (let attempt = 1; ; attempt++) {
    const code = newCode();
    try {
      // A savepoint inside the caller's transaction: on PostgreSQL a failed insert would abort the whole transaction, and a retry needs it alive.
      await db.transaction((savepoint) => savepoint.insert(trackedLinks).values({ code, orgId, shareId: input.shareId ?? null, targetUrl }));
      return { code, targetUrl, shortUrl: shortUrlOf(code, options.publicUrl) };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

/** Where a code leads, with its organization; undefined for an unknown code. */
export async function findTrackedLink(db: Database, code: string): Promise<{ targetUrl: string; orgId: string } | undefined> {
  const [link] = await db.select({ targetUrl: trackedLinks.targetUrl, orgId: trackedLinks.orgId }).from(trackedLinks).where(eq(trackedLinks.code, code));
  return link;
}

export interface LinkStats {
  /** Counted clicks (at most the per-visitor daily cap each). */
  clicks: number;
  /** Distinct visitors per day, summed over days: the same person on two days counts twice, by design (see visitor-hash.ts). */
  uniqueVisitors: number;
}

/** Clicks and unique visitors of the organization's codes; every code asked for has an entry (zeros when never clicked or not the organization's). */
export async function linkStatsOf(db: Database, orgId: string, codes: readonly string[]): Promise<Map<string, LinkStats>> {
  const stats = new Map<string, LinkStats>(codes.map((code) => [code, { clicks: 0, uniqueVisitors: 0 }]));
  if (codes.length === 0) return stats;
  const rows = await db
    .select({ code: linkClicks.code, clicks: sql<number>`sum(${linkClicks.clicks})::int`, uniqueVisitors: sql<number>`count(*)::int` })
    .from(linkClicks)
    .innerJoin(trackedLinks, eq(trackedLinks.code, linkClicks.code))
    .where(and(eq(trackedLinks.orgId, orgId), inArray(linkClicks.code, [...new Set(codes)])))
    .groupBy(linkClicks.code);
  for (const row of rows) stats.set(row.code, { clicks: row.clicks, uniqueVisitors: row.uniqueVisitors });
  return stats;
}
