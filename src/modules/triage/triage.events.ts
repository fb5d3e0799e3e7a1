// What triage tells the modules above it: these mentions now carry their verdicts.
import { Type } from 'typebox';
import { defineEvent } from '../../jobs/index.ts';

export const mentionsTriaged = defineEvent('triage.mentions-triaged', Type.Object({
  mentionIds: Type.Array(Type.String({ format: 'uuid' })),
}));
