// The shapes of the people module's HTTP API: what clients send and what they get.
// Route schemas are built from these, so validation, response filtering, OpenAPI
// and TypeScript types all come from one definition.
import { Type, type Static } from 'typebox';
import { personStatuses, roles, spokeKinds } from './people.schema.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableNumber = (min: number, max: number) => Type.Union([Type.Number({ minimum: min, maximum: max }), Type.Null()]);

export const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id });
export const ListQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};
export const Page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

export const SpokeKind = Type.Enum(spokeKinds);
export const RoleName = Type.Enum(roles);
export const PersonStatus = Type.Enum(personStatuses);

export const Place = Type.Object({
  address: Nullable(Type.String({ maxLength: 300 })),
  city: Nullable(Type.String({ maxLength: 120 })),
  region: Nullable(Type.String({ maxLength: 120 })),
  country: Nullable(Type.String({ maxLength: 120 })),
  latitude: NullableNumber(-90, 90),
  longitude: NullableNumber(-180, 180),
});
export const PlaceInput = Type.Partial(Place);

export const Spoke = Type.Object({
  id: Id,
  kind: SpokeKind,
  name: Type.String(),
  parentSpokeId: Type.Union([Id, Type.Null()]),
  place: Type.Union([Place, Type.Null()]),
  aliases: Type.Array(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const SpokeInput = Type.Object({
  kind: SpokeKind,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  parentSpokeId: Type.Optional(Type.Union([Id, Type.Null()])),
  place: Type.Optional(Type.Union([PlaceInput, Type.Null()])),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { maxItems: 20, description: 'Other names people use for it, e.g. "the Leeds store"' })),
});
export const SpokePatch = Type.Partial(SpokeInput);
export const SpokeListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), kind: Type.Optional(SpokeKind), ...ListQuery });

export const Skill = Type.Object({ topic: Type.String({ minLength: 1, maxLength: 100 }), level: Type.Integer({ minimum: 1, maximum: 5 }) });
const clockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });
export const WorkingHoursSlot = Type.Object({ day: Type.Integer({ minimum: 1, maximum: 7 }), start: clockTime, end: clockTime });
export const MembershipSummary = Type.Object({ id: Id, role: RoleName, spokeId: Type.Union([Id, Type.Null()]), spokeName: Type.Union([Type.String(), Type.Null()]) });

export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  skills: Type.Array(Skill),
  timeZone: Type.String(),
  workingHours: Type.Array(WorkingHoursSlot),
  capacity: Type.Integer(),
  certificationLevel: Type.Integer(),
  socialHandles: Type.Record(Type.String(), Type.String()),
  status: PersonStatus,
  memberships: Type.Array(MembershipSummary),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const PersonInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  title: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 30 })),
  skills: Type.Optional(Type.Array(Skill, { maxItems: 100 })),
  timeZone: Type.Optional(Type.String({ maxLength: 64 })),
  workingHours: Type.Optional(Type.Array(WorkingHoursSlot, { maxItems: 50 })),
  capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  certificationLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  socialHandles: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }), Type.String({ minLength: 1, maxLength: 200 }))),
  status: Type.Optional(PersonStatus),
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
});
export const PersonPatch = Type.Partial(PersonInput);
export const PersonListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(PersonStatus),
  spokeId: Type.Optional(Id),
  ...ListQuery,
});

export const MembershipInput = Type.Object({ personId: Id, spokeId: Type.Union([Id, Type.Null()]), role: RoleName });
export const Membership = Type.Object({ id: Id, personId: Id, spokeId: Type.Union([Id, Type.Null()]), role: RoleName });
export const SpokeMember = Type.Object({
  membershipId: Id,
  role: RoleName,
  person: Type.Object({ id: Id, name: Type.String(), email: Type.String(), title: Type.Union([Type.String(), Type.Null()]), status: PersonStatus }),
});

export type SpokeInput = Static<typeof SpokeInput>;
export type SpokePatch = Static<typeof SpokePatch>;
export type SpokeListQuery = Static<typeof SpokeListQuery>;
export type PersonInput = Static<typeof PersonInput>;
export type PersonPatch = Static<typeof PersonPatch>;
export type PersonListQuery = Static<typeof PersonListQuery>;
export type MembershipInput = Static<typeof MembershipInput>;
