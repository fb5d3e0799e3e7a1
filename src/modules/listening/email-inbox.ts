// Mail for e-mail sources: which sources receive for an address, and storing a
// received message in each of them. The SMTP listener (src/connectors/email) calls
// these; a message to two addresses (or an address two organizations listen to) is
// stored once per source.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import type { IncomingPost } from '../../connectors/index.ts';
import { sources } from './listening.schema.ts';
import { ingestPosts } from './ingest-posts.ts';

/** Active e-mail sources receiving for any of these lower-cased addresses. */
export async function emailSourcesFor(db: Database, addresses: string[]) {
  if (addresses.length === 0) return [];
  return db.select().from(sources).where(and(
    eq(sources.kind, 'email'), eq(sources.status, 'active'),
    inArray(sql<string>`${sources.config}->>'address'`, addresses),
  ));
}

export async function acceptsEmailFor(db: Database, address: string): Promise<boolean> {
  return (await emailSourcesFor(db, [address])).length > 0;
}

export async function deliverEmail(db: Database, recipients: string[], post: IncomingPost, receivedAt = new Date()): Promise<void> {
  for (const source of await emailSourcesFor(db, recipients)) await ingestPosts(db, source, [post], receivedAt);
}
