// The demo stream's one table: per demo organization, whether its stream runs, the
// position of the next post and when it is due. Kept in the database so a restart
// carries on where the stream stopped, `herd demo --stop` in another process reaches
// the running server, and removing the organization (or its source) removes it too.
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../modules/people/people.schema.ts';
import { sources } from '../modules/listening/listening.schema.ts';

export const demoStreamStatuses = ['running', 'stopped'] as const;
export type DemoStreamStatus = (typeof demoStreamStatuses)[number];

export const demoStreams = pgTable('demo_streams', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  /** The file source the posts are stored under ("Demo: live stream"). */
  sourceId: uuid('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  status: text('status', { enum: demoStreamStatuses }).notNull().default('running'),
  /** The generator's seed: post n is always the same post. */
  seed: integer('seed').notNull(),
  /** The next post to send; posts 0 .. position - 1 were sent (external ids acme-demo-<n>). */
  position: integer('position').notNull().default(0),
  nextPostAt: timestamp('next_post_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
