// The shapes of recognition's HTTP API: leaderboards, a person's own points and
// badges, and the participation by spoke.
import { Type } from 'typebox';
import { pointActions } from '../advocacy.schema.ts';
import { periodNames } from './periods.ts';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Rank = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);

const periodFields = {
  period: Type.Optional(Type.Enum([...periodNames], { description: 'this week (from Monday), this month, or all time; UTC days; default month' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'first day, YYYY-MM-DD (UTC); with from or to the period is ignored' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'last day, included' })),
};
export const PeriodQuery = Type.Object(periodFields);
const PeriodView = Type.Object({ name: Type.Enum([...periodNames, 'custom']), from: NullableString, to: Type.Union([Type.String(), Type.Null()], { description: 'excluded; null: up to now' }) });

export const LeaderboardQuery = Type.Object({
  ...periodFields,
  spokeId: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
const SpokeRef = Type.Object({ id: Type.String(), name: Type.String() });
export const Leaderboard = Type.Object({
  period: PeriodView,
  spoke: Type.Union([SpokeRef, Type.Null()]),
  items: Type.Array(Type.Object({
    rank: Type.Integer({ minimum: 1 }), personId: Type.String(), name: Type.String(), spokes: Type.Array(SpokeRef),
    points: Type.Integer(), badges: Type.Integer({ description: 'badges held (all time)' }),
  })),
  ranked: Type.Integer({ description: 'people with points in the period' }),
  myRank: Rank,
});

const BadgeInfo = { id: Type.String(), name: Type.String(), earnedBy: Type.String() };
export const MyRecognition = Type.Object({
  points: Type.Integer({ description: 'all time' }),
  byAction: Type.Array(Type.Object({ action: Type.Enum([...pointActions]), points: Type.Integer() })),
  stats: Type.Object({
    shares: Type.Integer(), networks: Type.Integer(), clicks: Type.Integer({ description: 'unique visitors per share and day' }),
    storiesApproved: Type.Integer(), helpfulAnswers: Type.Integer(),
  }),
  badges: Type.Array(Type.Object({ ...BadgeInfo, awardedAt: Timestamp })),
  toEarn: Type.Array(Type.Object(BadgeInfo)),
  leaderboards: Type.Boolean({ description: 'whether the organization shows leaderboards' }),
  rank: Type.Union([Type.Object({ week: Rank, month: Rank, all: Rank }), Type.Null()], { description: 'overall rank per period; null while leaderboards are off' }),
});

const ParticipationCounts = {
  members: Type.Integer(), sharers: Type.Integer({ description: 'members who shared at least once' }),
  answerers: Type.Integer({ description: 'members with a reply to a customer published' }),
  participants: Type.Integer({ description: 'members who did either' }),
  participation: Type.Number({ minimum: 0, maximum: 1, description: 'participants ÷ members' }),
  shares: Type.Integer(),
};
export const Participation = Type.Object({
  period: PeriodView,
  items: Type.Array(Type.Object({ spokeId: Type.String(), name: Type.String(), kind: Type.String(), ...ParticipationCounts })),
  totals: Type.Object(ParticipationCounts, { description: 'each person once, whatever their spokes' }),
});
