// What the people module tells the modules above it, published in the transaction of the change.
import { Type } from 'typebox';
import { defineEvent } from '../../jobs/index.ts';

/** Someone left (status "left") or was removed: their open work must go to others. */
export const personLeft = defineEvent('people.person-left', Type.Object({
  personId: Type.String({ format: 'uuid' }),
}));
