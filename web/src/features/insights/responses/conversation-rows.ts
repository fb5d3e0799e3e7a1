// The rows of the conversation tables (response times, SLA): what each row is, in
// words, and whether a row holds anything at all.
import { bucketWords } from '../insights-format.ts';
import type { Grouping, ResponseRow } from '../types.ts';

/** What a row of a conversation table is, in words: a spoke, a person, or a day, week or month (the server names the hub queue). */
export function rowLabel(row: { key: string | null; name: string | null }, grouping: Grouping): string {
  switch (grouping) {
    case 'org': return 'Everything in view';
    case 'spoke': return row.name ?? 'A removed spoke';
    case 'person': return row.name ?? 'Someone no longer here';
    default: return row.key ? bucketWords(row.key, grouping) : '—';
  }
}

export const isOverTime = (grouping: Grouping): grouping is 'day' | 'week' | 'month' => grouping === 'day' || grouping === 'week' || grouping === 'month';

export const groupingWords: Record<Grouping, string> = { org: 'Overall', spoke: 'Spoke', person: 'Person', day: 'Day', week: 'Week', month: 'Month' };

/** Nothing opened, replied, answered or resolved in it (or no row at all). */
export const isQuiet = (row: ResponseRow | undefined) => !row || row.opened + row.replies + row.firstResponse.count + row.resolution.count === 0;

export const noConversations = { title: 'No conversations in this period.', text: 'Numbers appear as routing opens conversations and people answer them.' };
