// The shapes of advocacy's measurement API: the summary with a daily series, the
// tables per story, person, spoke and share (paged, sortable, or as CSV), and a
// person's own impact. Every earned media value comes with its worked sum, and every
// answer with the formula and rates it was reckoned at.
import { Type } from 'typebox';
import { listSorts, shareSorts } from './share-numbers.ts';

const Id = (description?: string) => Type.String({ format: 'uuid', ...(description && { description }) });
const Day = (description = 'a UTC day, YYYY-MM-DD') => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });

const rangeFields = {
  from: Type.Optional(Day('first day counted (UTC, included); default: 29 days before `to`')),
  to: Type.Optional(Day('last day counted (UTC, included); default: today')),
};
const scopeFields = {
  ...rangeFields,
  spokeId: Type.Optional(Id('only the shares of this spoke\'s members; spoke leads see only their spokes')),
  storyId: Type.Optional(Id()),
};
const pageFields = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  format: Type.Enum(['json', 'csv'], { default: 'json', description: 'csv: the whole table (up to 10,000 rows) as a text/csv download' }),
};

export const MeasurementQuery = Type.Object(scopeFields);
export const MeasurementListQuery = Type.Object({ ...scopeFields, ...pageFields, sort: Type.Enum([...listSorts], { default: 'clicks', description: 'largest first' }) });
export const ShareMeasurementQuery = Type.Object({
  ...scopeFields, ...pageFields, personId: Type.Optional(Id()), sort: Type.Enum([...shareSorts], { default: 'clicks', description: 'largest (or latest) first' }),
});
export const MyImpactQuery = Type.Object(rangeFields);

const Rates = Type.Object({ costPerClick: Type.Number(), costPerThousandImpressions: Type.Number(), currency: Type.String() });
const Formula = Type.Object({ formula: Type.String({ description: 'clicks × cost per click + reach ÷ 1000 × cost per thousand impressions' }), rates: Rates });
const EarnedMediaValue = Type.Object({
  value: Type.Number(), currency: Type.String(), expression: Type.String({ description: 'the worked sum, e.g. "120 × 0.80 + 45,000 ÷ 1000 × 6.00 = 366.00 EUR"' }),
});
const numberFields = {
  shares: Type.Integer(),
  clicks: Type.Integer(),
  uniqueClicks: Type.Integer({ description: 'distinct visitors per day, summed over days' }),
  reach: Type.Integer({ description: 'potential reach: followers of the accounts shared to, at share time' }),
  earnedMediaValue: EarnedMediaValue,
};
const header = {
  from: Day(), to: Day(),
  spokeIds: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'the spokes whose members\' shares are counted; null: everyone\'s' }),
  earnedMediaValueFormula: Formula,
};
const paging = { total: Type.Integer({ description: 'rows in all pages' }), nextOffset: Type.Union([Type.Integer(), Type.Null()]) };
const DayNumbers = Type.Object({ day: Day(), shares: Type.Integer(), clicks: Type.Integer(), uniqueClicks: Type.Integer(), reach: Type.Integer() });

export const MeasurementSummary = Type.Object({
  ...header,
  totals: Type.Object({ ...numberFields, sharers: Type.Integer(), stories: Type.Integer() }),
  days: Type.Array(DayNumbers, { description: 'every day of the range: shares and reach by the day they went out, clicks by the day they came' }),
});

export const StoryMeasurements = Type.Object({
  ...header, ...paging,
  items: Type.Array(Type.Object({ storyId: Type.String(), title: Type.String(), url: Type.String(), status: Type.String(), spokeId: Type.Union([Type.String(), Type.Null()]), sharers: Type.Integer(), ...numberFields })),
});
export const PersonMeasurements = Type.Object({
  ...header, ...paging,
  items: Type.Array(Type.Object({ personId: Type.String(), name: Type.String(), stories: Type.Integer(), ...numberFields })),
});
export const SpokeMeasurements = Type.Object({
  ...header, ...paging,
  items: Type.Array(Type.Object({ spokeId: Type.String(), name: Type.String(), sharers: Type.Integer(), ...numberFields }), { description: 'per spoke of the sharer: a person in two spokes counts in both' }),
});
const ShareNumbers = Type.Object({
  shareId: Type.String(), storyId: Type.String(), storyTitle: Type.String(), personId: Type.String(), personName: Type.String(),
  network: Type.String(), status: Type.String(), sharedAt: Type.String({ format: 'date-time' }), shortUrl: Type.String(), ...numberFields,
});
export const ShareMeasurements = Type.Object({ ...header, ...paging, items: Type.Array(ShareNumbers) });
export const MyImpact = Type.Object({ ...MeasurementSummary.properties, topShares: Type.Array(ShareNumbers, { description: 'your shares that earned the most clicks' }) });
