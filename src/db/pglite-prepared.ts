// PGlite with its statements prepared once: PGlite parses and plans every query anew (an
// unnamed statement each time), and in WebAssembly planning is most of a small query's
// cost. Here each distinct SQL text becomes a named statement the first time it runs, and
// later runs only bind and execute it, through PGlite's public protocol functions. The
// texts Herd sends repeat (batches go in as one jsonb parameter), so the cache stays small.
import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Statements kept per database by default; the least recently used is closed beyond this. */
const MAX_STATEMENTS = 500;

interface Prepared { name: string; parameterTypes: number[] }

/** What Drizzle calls on its PGlite client, with statements prepared once. */
export interface PreparedPGliteClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec: PGlite['exec'];
  transaction<T>(callback: (tx: Pick<Transaction, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  listen: PGlite['listen'];
  dumpDataDir: PGlite['dumpDataDir'];
  close(): Promise<void>;
}

/** PGlite's exclusive sections, public but undeclared: queries one at a time, transactions one at a time. */
interface Exclusive {
  _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/** Postgres refuses a prepared statement whose tables changed shape under it (a migration): prepared again once. */
const PLAN_CHANGED = /cached plan must not change result type/;

export function preparedStatementsClient(pglite: PGlite, { maxStatements = MAX_STATEMENTS } = {}): PreparedPGliteClient {
  const statements = new Map<string, Prepared>();
  let counter = 0;
  const exclusive = pglite as unknown as Exclusive;
  const send = async (message: Uint8Array) => (await pglite.execProtocol(message, { syncToFs: false })).messages;

  async function prepare(text: string, options?: QueryOptions): Promise<Prepared> {
    const known = statements.get(text);
    if (known) {
      // Most recently used last: a Map keeps insertion order.
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    const name = `herd_${++counter}`;
    await send(serialize.parse({ name, text, types: options?.paramTypes }));
    const parameterTypes = parse.parseDescribeStatementResults(await send(serialize.describe({ type: 'S', name })));
    const prepared = { name, parameterTypes };
    statements.set(text, prepared);
    if (statements.size > maxStatements) {
      const [oldestText, oldest] = statements.entries().next().value!;
      statements.delete(oldestText);
      await send(serialize.close({ type: 'S', name: oldest.name }));
    }
    return prepared;
  }

  /** One run of a statement, bound and executed, then Sync (which also ends an error's skipping). */
  async function run<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const messages = [];
    try {
      const { name, parameterTypes } = await prepare(text, options);
      const values = params.map((value, index) => {
        if (value === null || value === undefined) return null;
        const type = parameterTypes[index]!;
        const serializer = options?.serializers?.[type] ?? pglite.serializers[type];
        return serializer ? serializer(value) : String(value);
      });
      messages.push(...await send(serialize.bind({ statement: name, values })), ...await send(serialize.describe({ type: 'P' })), ...await send(serialize.execute({})));
    } finally {
      messages.push(...await send(serialize.sync()));
    }
    await pglite.syncToFs();
    return parse.parseResults(messages, pglite.parsers, options)[0] as Results<T>;
  }

  async function runPrepared<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return exclusive._runExclusiveQuery(async () => {
      try {
        return await run<T>(text, params, options);
      } catch (error) {
        if (!PLAN_CHANGED.test((error as Error).message)) throw error;
        statements.delete(text);
        return run<T>(text, params, options);
      }
    });
  }

  return {
    // The client is opened ready (openDatabase waits for it); outside a transaction a query waits for any open one.
    query: (text, params, options) => exclusive._runExclusiveTransaction(() => runPrepared(text, params, options)),
    exec: (text, options) => pglite.exec(text, options),
    // PGlite's own BEGIN, COMMIT and ROLLBACK; the statements inside are prepared like any others.
    transaction: (callback) => pglite.transaction((tx) => callback({
      query: (text, params, options) => runPrepared(text, params, options),
      exec: (text, options) => tx.exec(text, options),
    })),
    listen: (...args) => pglite.listen(...args),
    dumpDataDir: (...args) => pglite.dumpDataDir(...args),
    close: () => pglite.close(),
  };
}
