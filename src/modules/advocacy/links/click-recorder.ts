// Writes clicks durably without a database round trip per click: group commit. Each
// redirect hands its click over and waits; one batch is written at a time, and the
// clicks that arrive meanwhile form the next batch, so under load batches grow and
// throughput follows, while a lone click is written at once. A redirect is answered
// after the batch holding its click committed ("recorded durably").
//
// Floods: a visitor (address + user agent, for the day) counts at most
// `dailyClicksPerVisitor` clicks per link and day, enforced by the upsert itself, so it
// holds across processes and restarts; unique visitors count each visitor once a day
// by construction (one row per link, day and visitor).
//
// A database error must not cost the visitor the redirect: the batch's clicks are lost,
// the error is reported once per batch (not once per click, which would flood the log
// during an outage), and every waiting redirect goes ahead.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { linkClicks, trackedLinks } from '../advocacy.schema.ts';

export interface Click {
  code: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  visitor: string;
  at: Date;
}

export interface ClickRecorder {
  /** Resolves once the click is committed (true) or its batch failed (false); never rejects. */
  record(click: Click): Promise<boolean>;
  /** Resolves when every click handed over so far is written. */
  drain(): Promise<void>;
}

export interface ClickRecorderOptions {
  /** Most clicks a visitor adds to a link's count per day. */
  dailyClicksPerVisitor?: number;
  /** Most clicks in one INSERT; the rest wait for the next batch. */
  maxBatch?: number;
  onBatchError?: (error: unknown, clicksLost: number) => void;
}

export const DAILY_CLICKS_PER_VISITOR = 3;

interface Waiting { click: Click; done: (stored: boolean) => void }
interface ClickRow { code: string; day: string; visitor: string; clicks: number; first_at: string }

/** One row per (code, day, visitor): PostgreSQL refuses to update the same row twice in one INSERT ... ON CONFLICT. */
function rowsOf(batch: readonly Waiting[], cap: number): ClickRow[] {
  const rows = new Map<string, ClickRow>();
  for (const { click } of batch) {
    const key = `${click.code}\n${click.day}\n${click.visitor}`;
    const row = rows.get(key);
    if (row) row.clicks = Math.min(row.clicks + 1, cap);
    else rows.set(key, { code: click.code, day: click.day, visitor: click.visitor, clicks: 1, first_at: click.at.toISOString() });
  }
  // A fixed order means two processes' batches lock shared rows in the same order, so they cannot deadlock.
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

function upsertClicks(rows: readonly ClickRow[], cap: number) {
  // A link deleted since its lookup is skipped rather than failing the batch on its foreign key.
  // Rows already at the cap are not rewritten, so a flood creates no dead row versions.
  return sql`
    insert into ${linkClicks} (code, day, visitor, clicks, first_at)
    select r.code, r.day, r.visitor, r.clicks, r.first_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(code text, day date, visitor text, clicks int, first_at timestamptz)
    where exists (select 1 from ${trackedLinks} t where t.code = r.code)
    on conflict (code, day, visitor) do update set clicks = least(${linkClicks.clicks} + excluded.clicks, ${cap}::int)
    where ${linkClicks.clicks} < ${cap}::int`;
}

export function createClickRecorder(db: Database, { dailyClicksPerVisitor = DAILY_CLICKS_PER_VISITOR, maxBatch = 2000, onBatchError = () => {} }: ClickRecorderOptions = {}): ClickRecorder {
  let pending: Waiting[] = [];
  let writing: Promise<void> | undefined;
  let scheduled = false;

  const writeBatch = async (batch: Waiting[]) => {
    let stored = true;
    try {
      await db.execute(upsertClicks(rowsOf(batch, dailyClicksPerVisitor), dailyClicksPerVisitor));
    } catch (error) {
      stored = false;
      onBatchError(error, batch.length);
    }
    for (const waiting of batch) waiting.done(stored);
  };

  const writeNext = async () => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending.slice(0, maxBatch);
    pending = pending.slice(maxBatch);
    writing = writeBatch(batch);
    await writing;
    writing = undefined;
    schedule();
  };

  // setImmediate collects the clicks of requests parsed in the same turn of the event loop into one batch.
  function schedule() {
    if (writing || scheduled || pending.length === 0) return;
    scheduled = true;
    setImmediate(() => void writeNext());
  }

  return {
    record(click) {
      return new Promise((done) => {
        pending.push({ click, done });
        schedule();
      });
    },
    async drain() {
      while (writing || pending.length > 0) await (writing ?? new Promise((resolve) => setImmediate(resolve)));
    },
  };
}
