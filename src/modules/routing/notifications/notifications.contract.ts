// The shapes of the notifications HTTP API: one's notifications, e-mail preferences,
// and the organization's outgoing webhook channels.
import { Type, type Static } from 'typebox';
import { channelFormats, emailModes } from '../routing.schema.ts';

const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const Clock = Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time "HH:MM"' }), Type.Null()]);

export const Notification = Type.Object({
  id: Type.Integer(), kind: Type.String(), conversationId: Type.Union([Type.String(), Type.Null()]), title: Type.String(), body: Type.String(),
  createdAt: Timestamp, readAt: NullableTimestamp,
});
export const NotificationQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const NotificationPage = Type.Object({ items: Type.Array(Notification), nextCursor: Type.Union([Type.String(), Type.Null()]), unread: Type.Integer() });
export const MarkReadInput = Type.Object({ ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 })), all: Type.Optional(Type.Boolean()) });

export const Preferences = Type.Object({
  email: Type.Enum(emailModes), quietStart: Clock, quietEnd: Clock, digestHour: Type.Integer({ minimum: 0, maximum: 23 }),
});
export type Preferences = Static<typeof Preferences>;

export const ChannelInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  format: Type.Enum(channelFormats),
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL the JSON is POSTed to' }),
});
export type ChannelInput = Static<typeof ChannelInput>;
export const ChannelPatch = Type.Partial(ChannelInput);
export const Channel = Type.Object({
  id: Type.String({ format: 'uuid' }), name: Type.String(), format: Type.Enum(channelFormats), url: Type.String(),
  lastDeliveryAt: NullableTimestamp, lastError: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp,
});
export const CreatedChannel = Type.Intersect([Channel, Type.Object({ secret: Type.String({ description: 'Verifies X-Herd-Signature; shown only now' }) })]);
export const ChannelTestOutcome = Type.Object({ delivered: Type.Boolean(), status: Type.Union([Type.Integer(), Type.Null()]), error: Type.Union([Type.String(), Type.Null()]) });
