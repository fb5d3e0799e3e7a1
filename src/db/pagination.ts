// Opaque cursors for keyset pagination: a page ends at a row, the cursor names that
// row's sort key, and the next page starts strictly after it. Stable under inserts,
// unlike offsets, and an index serves every page equally fast.
import { AppError } from '../errors.ts';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'query.cursor: is not a cursor this list gave out', [
    { field: 'query.cursor', message: 'is not a cursor this list gave out' },
  ]);
}

/** An ILIKE pattern that finds `text` anywhere, with the user's % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;
