// A share sent through a compose link goes out in the sharer's own browser, where Herd
// cannot see it: the sharer confirms it was published (with the post's address, if
// they have it), and it counts as published from then. Confirming again changes
// nothing, except that it may add the address a first confirmation lacked; only the
// sharer may confirm, and only a share that was opened.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { shares, stories } from '../advocacy.schema.ts';
import { publishedVia, viewShare, type ShareView } from './share-views.ts';

/** Only http(s) addresses: a post's address is shown to readers as a link. */
function postAddress(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the refusal below
  }
  throw invalid([{ field: 'body.publishedUrl', message: 'must be the http:// or https:// address of the post' }]);
}

export async function confirmShare(db: Database, publicUrl: string, actor: Actor, shareId: string, input: { publishedUrl?: string }): Promise<ShareView> {
  requireAccess(actor, 'advocacy.join');
  const publishedUrl = postAddress(input.publishedUrl);
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ share: shares, storyTitle: stories.title }).from(shares).innerJoin(stories, eq(stories.id, shares.storyId))
      .where(and(eq(shares.orgId, actor.orgId), eq(shares.id, shareId), eq(shares.personId, actor.personId ?? sql`null`))).for('update', { of: shares });
    if (!found) throw notFound('The share');
    const { share, storyTitle } = found;
    if (share.status === 'published') {
      if (!publishedUrl || share.publishedUrl || publishedVia(share) !== 'intent') return viewShare(share, storyTitle, publicUrl);
      const [row] = await tx.update(shares).set({ publishedUrl, updatedAt: new Date() }).where(eq(shares.id, share.id)).returning();
      return viewShare(row!, storyTitle, publicUrl);
    }
    if (share.status !== 'opened') throw conflict(`Only a share opened through its compose link is confirmed by hand; this one is ${share.status}.`, { reason: 'not_opened', status: share.status });
    const [row] = await tx.update(shares).set({ status: 'published', publishedAt: new Date(), publishedUrl, updatedAt: new Date() }).where(eq(shares.id, share.id)).returning();
    await recordAudit(tx, actor, { action: 'share.confirmed', targetType: 'share', targetId: share.id, targetLabel: storyTitle, after: { network: share.network, publishedUrl } });
    return viewShare(row!, storyTitle, publicUrl);
  });
}
