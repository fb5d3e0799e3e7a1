// The cursor of the room's lists, newest first: a time in milliseconds and an id. Every
// time it pages on is written with millisecond precision (or compared truncated to it),
// so a page never repeats or skips the row it ended on.
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';

export interface TimeKey { at: Date; id: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeTimeCursor = (key: TimeKey) => encodeCursor([key.at.getTime(), key.id]);

export function decodeTimeCursor(cursor: string | undefined): TimeKey | undefined {
  if (cursor === undefined) return undefined;
  const [ms, id] = decodeCursor(cursor, 2);
  if (typeof ms !== 'number' || !Number.isFinite(ms) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalid([{ field: 'query.cursor', message: 'is not a cursor this list gave out' }]);
  }
  return { at: new Date(ms), id };
}

/** Newest first: later time, then the greater id. */
export const newestFirst = (a: TimeKey, b: TimeKey) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
