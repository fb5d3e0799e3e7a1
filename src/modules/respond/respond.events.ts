// What respond tells the modules above it, published in the transaction of the change.
import { Type } from 'typebox';
import { defineEvent } from '../../jobs/index.ts';

/**
 * A person's reply to a customer is out: published through the network, or confirmed
 * as sent by hand. Published once per reply, when its status becomes "published".
 */
export const replyPublished = defineEvent('respond.reply-published', Type.Object({
  replyId: Type.String({ format: 'uuid' }),
  conversationId: Type.String({ format: 'uuid' }),
  authorId: Type.String({ format: 'uuid' }),
  network: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
}));
