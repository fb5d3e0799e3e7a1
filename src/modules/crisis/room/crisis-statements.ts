// Holding statements of a crisis: respond's library entries of that kind on the crisis's
// topics. Written here, they land in the library the reply composer offers volunteers
// on those topics, and on the crisis's timeline.
import type { Database } from '../../../db/index.ts';
import { conflict } from '../../../errors.ts';
import { requireAccess, type Actor } from '../../people/index.ts';
import { createLibraryEntry, listLibrary, type LibraryEntryView } from '../../respond/index.ts';
import { crisisOf, lockOrganizationCrises, type CrisisRow } from './crisis-records.ts';
import { announceCrisis, recordTimeline } from './crisis-timeline.ts';

export interface StatementInput { title: string; text: string; language?: string; expiresAt?: string }

/** The library's holding statements on any of the crisis's topics, newest first (expired ones too, marked). */
export async function statementsOf(db: Database, actor: Actor, crisis: CrisisRow): Promise<LibraryEntryView[]> {
  const entries = await listLibrary(db, actor, { kind: 'holding_statement', includeExpired: true });
  return entries.filter((entry) => entry.topicIds.some((id) => crisis.topicIds.includes(id)))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export async function crisisStatements(db: Database, actor: Actor, crisisId: string) {
  requireAccess(actor, 'crisis.watch');
  return { items: await statementsOf(db, actor, await crisisOf(db, actor.orgId, crisisId)) };
}

/** Needs holding.manage (respond checks it); the entry and the timeline's record commit together. */
export async function publishStatement(db: Database, actor: Actor, crisisId: string, input: StatementInput): Promise<LibraryEntryView> {
  requireAccess(actor, 'crisis.watch');
  return db.transaction(async (tx) => {
    await lockOrganizationCrises(tx, actor.orgId);
    const crisis = await crisisOf(tx, actor.orgId, crisisId);
    if (crisis.status === 'closed') throw conflict('The crisis is closed: a holding statement for it would speak for a crisis that is over.', [{ field: 'body', message: 'the crisis is closed' }]);
    const entry = await createLibraryEntry(tx, actor, {
      kind: 'holding_statement', title: input.title, text: input.text, topicIds: crisis.topicIds, language: input.language ?? null, expiresAt: input.expiresAt ?? null,
    });
    await recordTimeline(tx, crisis, [{
      kind: 'statement', actorId: actor.personId, text: `Holding statement "${entry.title}" is in the reply library for ${crisis.topicIds.length === 1 ? 'its topic' : 'its topics'}.`,
      data: { entryId: entry.id, title: entry.title, text: entry.text, expiresAt: entry.expiresAt },
    }]);
    await announceCrisis(tx, crisis);
    return entry;
  });
}
