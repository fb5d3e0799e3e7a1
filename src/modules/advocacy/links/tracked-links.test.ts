import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { createOrganization } from '../../people/index.ts';
import { trackedLinks } from '../advocacy.schema.ts';
import { createTrackedLink, newLinkCode } from './tracked-links.ts';

describeOnEachDatabase('tracked links', (database) => {
  let orgId: string;
  before(async () => {
    orgId = (await createOrganization(database().db, { slug: 'acme', name: 'Acme' })).id;
  });

  it('draws another code when one is taken, inside the caller\'s transaction, which still commits', async () => {
    const { db } = database();
    await db.insert(trackedLinks).values({ code: 'Taken001', orgId, targetUrl: 'https://acme.example/old' });
    const codes = ['Taken001', 'Fresh001'];
    const link = await db.transaction(async (tx) => {
      const made = await createTrackedLink(tx, orgId, { storyUrl: 'https://acme.example/spring', utm: { source: 'x', medium: 'employee-share', campaign: 'c' } }, { publicUrl: 'https://herd.example/', newCode: () => codes.shift()! });
      // The transaction is still usable after the collision.
      await tx.select().from(trackedLinks).where(eq(trackedLinks.code, made.code));
      return made;
    });
    assert.equal(link.code, 'Fresh001');
    assert.equal(link.shortUrl, 'https://herd.example/s/Fresh001');
    const [stored] = await db.select().from(trackedLinks).where(eq(trackedLinks.code, 'Fresh001'));
    assert.match(stored!.targetUrl, /^https:\/\/acme\.example\/spring\?utm_source=x&utm_medium=employee-share&utm_campaign=c/);
    const [old] = await db.select().from(trackedLinks).where(eq(trackedLinks.code, 'Taken001'));
    assert.equal(old!.targetUrl, 'https://acme.example/old', 'the taken code keeps its target');
  });

  it('makes base62 codes of eight characters', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newLinkCode()));
    assert.equal(codes.size, 1000);
    for (const code of codes) assert.match(code, /^[0-9A-Za-z]{8}$/);
  });
});
