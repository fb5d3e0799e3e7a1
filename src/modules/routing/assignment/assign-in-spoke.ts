// Assigning one conversation inside a spoke (a transfer, a leaver's work): the
// spoke's members as candidates, and capacity that holds under concurrency: the
// chosen person is locked and their load counted again before it is written.
import type { Database } from '../../../db/index.ts';
import { lockAssignees, openLoads, spokePools } from './spoke-pools.ts';
import { chooseAssignee, type AssigneeChoice, type Candidate, type ConversationNeeds } from './choose-assignee.ts';

export async function candidatesInSpoke(db: Database, orgId: string, spokeId: string, authorHandle: string | null): Promise<Candidate[]> {
  const pools = await spokePools(db, orgId, [spokeId], authorHandle ? [authorHandle] : [], { lock: false });
  return pools.candidatesFor(spokeId, authorHandle);
}

/** Their open conversations, counted under a lock held until the transaction ends. */
export async function lockedOpenCount(tx: Database, orgId: string, personId: string): Promise<number> {
  await lockAssignees(tx, [personId]);
  return (await openLoads(tx, [personId])).get(personId)?.open ?? 0;
}

/** Chooses within the spoke, re-choosing if the first choice filled up meanwhile. Call inside a transaction. */
export async function chooseWithinCapacity(tx: Database, orgId: string, candidates: Candidate[], needs: ConversationNeeds, now: Date): Promise<AssigneeChoice> {
  let pool = candidates;
  for (;;) {
    const choice = chooseAssignee(pool, needs, now);
    if (!choice.personId) return choice;
    const chosen = pool.find((candidate) => candidate.personId === choice.personId)!;
    const open = await lockedOpenCount(tx, orgId, chosen.personId);
    if (open < chosen.capacity) return choice;
    pool = pool.map((candidate) => (candidate === chosen ? { ...candidate, openConversations: open } : candidate));
  }
}

/** Skills that fit a category, most specific first: its name, then its words ("Billing and refunds" → billing, refunds). */
export function skillTopicsFor(categoryName: string | null): string[] {
  if (!categoryName) return [];
  const words = categoryName.split(/[\s,&/]+/).filter((word) => word.length > 3 && word.toLowerCase() !== 'and');
  return [...new Set([categoryName, ...words])];
}
