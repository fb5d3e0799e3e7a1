// A flood from one address that varies its user agent would make every request a new
// visitor, which the per-visitor cap of the database cannot see. This guard counts, per
// link and day, the distinct visitors seen from one source address (its salted hash,
// never the address) and stops counting new ones past a limit. It lives in this
// process's memory only: forgetting (a new day, a restart, too many entries) only lets
// a flood count a little again, and the database's per-visitor cap still holds. An
// office behind one address is many real people, hence a generous limit.

export interface SourceFloodGuard {
  /** Whether this visitor's click may count: a visitor already seen always may; a new one only while its source is under the limit. */
  admits(click: { code: string; day: string; visitor: string; source: string }): boolean;
}

export const VISITORS_PER_SOURCE = 25;
const MAX_ENTRIES = 200_000;

export function createSourceFloodGuard({ visitorsPerSource = VISITORS_PER_SOURCE, maxEntries = MAX_ENTRIES } = {}): SourceFloodGuard {
  let day = '';
  const visitorsSeen = new Set<string>();
  const visitorsOfSource = new Map<string, number>();
  return {
    admits(click) {
      if (click.day !== day || visitorsSeen.size >= maxEntries) {
        day = click.day;
        visitorsSeen.clear();
        visitorsOfSource.clear();
      }
      const visitorKey = `${click.code}\n${click.visitor}`;
      if (visitorsSeen.has(visitorKey)) return true;
      const sourceKey = `${click.code}\n${click.source}`;
      const seen = visitorsOfSource.get(sourceKey) ?? 0;
      if (seen >= visitorsPerSource) return false;
      visitorsOfSource.set(sourceKey, seen + 1);
      visitorsSeen.add(visitorKey);
      return true;
    },
  };
}
