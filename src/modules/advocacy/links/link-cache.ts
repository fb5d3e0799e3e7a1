// Keeps hot links off the database: most clicks go to a few fresh shares. Unknown codes
// are remembered too, briefly, so a flood of made-up codes costs one lookup each per
// `missSeconds` rather than one per request; briefly, because a link created in another
// process must start working soon after.

export interface CachedLink { targetUrl: string; orgId: string }

export interface LinkCache {
  /** The link, null for a code known to be unknown, undefined when not cached. */
  get(code: string): CachedLink | null | undefined;
  set(code: string, link: CachedLink | null): void;
}

export interface LinkCacheOptions {
  maxEntries?: number;
  missSeconds?: number;
  now?: () => number;
}

interface Entry { link: CachedLink | null; expiresAt: number }

export function createLinkCache({ maxEntries = 50_000, missSeconds = 10, now = Date.now }: LinkCacheOptions = {}): LinkCache {
  // A Map iterates in insertion order: re-inserting on a hit makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  return {
    get(code) {
      const entry = entries.get(code);
      if (!entry) return undefined;
      entries.delete(code);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(code, entry);
      return entry.link;
    },
    set(code, link) {
      entries.delete(code);
      // A link's target never changes once made, so known links stay until evicted.
      entries.set(code, { link, expiresAt: link ? Infinity : now() + missSeconds * 1000 });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
