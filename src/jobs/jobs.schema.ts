// The durable job queue's one table. Finished jobs stay a while as 'done', so a job
// with a key (a scheduled slot, one event's delivery to one subscriber) runs once even
// when two workers try to enqueue it.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const jobs = pgTable('jobs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  /** The organization the job works for; null for work across organizations. */
  orgId: uuid('org_id'),
  payload: jsonb('payload').$type<unknown>().notNull(),
  /** Enqueueing a key that exists already is a no-op. */
  key: text('key').unique(),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
  runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  lockedBy: text('locked_by'),
  leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (table) => [
  index('jobs_due_idx').on(table.runAt).where(sql`status = 'queued'`),
  index('jobs_running_idx').on(table.leaseExpiresAt).where(sql`status = 'running'`),
  index('jobs_finished_idx').on(table.finishedAt).where(sql`status in ('done', 'failed')`),
]);
