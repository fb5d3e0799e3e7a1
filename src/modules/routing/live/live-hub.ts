// One per process: LISTENs on the live channel and hands each committed event to this
// process's subscribers (the open /api/live streams). PGlite listens on its one client;
// PostgreSQL needs a dedicated connection (a pooled one would drop the LISTEN), which is
// reopened with backoff when it breaks. It connects on the first subscription only.
import pg from 'pg';
import { pgliteClientOf, type HerdDatabase } from '../../../db/client.ts';
import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from './live-event.ts';

export type LiveListener = (event: LiveEvent) => void;

export interface LiveHub {
  /** Resolves once listening: every event committed from then on reaches the listener. Returns the unsubscribe. */
  subscribe(listener: LiveListener): Promise<() => void>;
  close(): Promise<void>;
}

interface Connection { stop(): Promise<void> }
type Connect = (deliver: (payload: string) => void, onLost: () => void) => Promise<Connection>;

/** Wait before reconnect n (1-based): 0.5 s, 1 s, 2 s … at most 30 s. */
const reconnectDelayMs = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));

export function createLiveHub(database: HerdDatabase, onError: (error: Error) => void = () => {}): LiveHub {
  const connect: Connect = database.target.driver === 'postgres' ? postgresConnect(database.target.url) : pgliteConnect(database);
  const listeners = new Set<LiveListener>();
  let listening: Promise<void> | undefined;
  let current: Connection | undefined;
  let closed = false;
  let wakeRetry: (() => void) | undefined;

  const deliver = (payload: string) => {
    const event = parseLiveEvent(payload);
    if (!event) return;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        onError(error as Error);
      }
    }
  };

  // Events committed while the connection is down are not replayed; clients refetch when their stream reconnects.
  const listen = () => {
    listening = openConnection();
    listening.catch(() => undefined);
  };
  const openConnection = async (): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const connection = await connect(deliver, () => {
          current = undefined;
          if (!closed) listen();
        });
        if (closed) {
          await connection.stop();
          throw new Error('the live hub is closed');
        }
        current = connection;
        return;
      } catch (error) {
        if (closed) throw error;
        onError(error as Error);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, reconnectDelayMs(attempt));
          wakeRetry = () => { clearTimeout(timer); resolve(); };
        });
      }
    }
  };

  return {
    async subscribe(listener) {
      if (closed) throw new Error('the live hub is closed');
      if (!listening) listen();
      await listening;
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    async close() {
      closed = true;
      wakeRetry?.();
      listeners.clear();
      await current?.stop();
      current = undefined;
    },
  };
}

function pgliteConnect(database: HerdDatabase): Connect {
  return async (deliver) => {
    const unlisten = await pgliteClientOf(database).listen(LIVE_CHANNEL, deliver);
    return { stop: () => unlisten().catch(() => undefined) };
  };
}

function postgresConnect(url: string): Connect {
  return async (deliver, onLost) => {
    const client = new pg.Client({ connectionString: url });
    let stopping = false;
    let lost = false;
    const lose = () => {
      if (stopping || lost) return;
      lost = true;
      client.end().catch(() => undefined);
      onLost();
    };
    client.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL && message.payload) deliver(message.payload);
    });
    client.on('error', lose);
    client.on('end', lose);
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      stopping = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    return {
      stop: async () => {
        stopping = true;
        await client.end().catch(() => undefined);
      },
    };
  };
}
