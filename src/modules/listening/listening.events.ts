// What listening tells the modules above it. Published in the transaction that
// stores the change, so a subscriber hears of every stored mention exactly when it exists.
import { Type } from 'typebox';
import { defineEvent } from '../../jobs/index.ts';

/** New mentions (never re-deliveries of stored ones), in batches of up to a thousand. */
export const mentionsStored = defineEvent('listening.mentions-stored', Type.Object({
  sourceId: Type.String({ format: 'uuid' }),
  mentionIds: Type.Array(Type.String({ format: 'uuid' })),
}));
