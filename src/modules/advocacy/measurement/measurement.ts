// Measuring advocacy: per story, share, person and spoke of the sharer, over a range of
// days: shares, clicks, unique clicks, potential reach and earned media value, the
// value always with its formula, rates and worked sum. The hub sees everything, a
// spoke lead their spoke, everyone their own impact. Numbers are of the shares that
// went out in the range (their reach, and the clicks they earned up to its last day),
// so the rows of any table add up to the summary.
import type { Database } from '../../../db/index.ts';
import { spokeMembershipsOf, staffByIds, type Actor } from '../../people/index.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { shortUrlOf } from '../links/tracked-links.ts';
import { earnedMediaValueOf, formulaOf, type EarnedMediaValue, type EarnedMediaValueRates } from './earned-media-value.ts';
import { measurementRangeOf, type MeasurementRange } from './measurement-range.ts';
import { measurementScopeOf, ownScopeOf, type MeasurementScope } from './measurement-scope.ts';
import {
  dailyNumbers, personNumbers, perShareNumbers, spokeNumbers, storyNumbers, summaryNumbers, totalsOf,
  type ListSort, type Page, type ShareFilter, type ShareSort, type Totals,
} from './share-numbers.ts';

export interface MeasurementQuery { from?: string; to?: string; spokeId?: string; storyId?: string }
export interface ListQuery extends MeasurementQuery, Page { sort?: ListSort }
export interface ShareListQuery extends MeasurementQuery, Page { personId?: string; sort?: ShareSort }

export type Numbers = Totals & { earnedMediaValue: EarnedMediaValue };

const DAY_MS = 24 * 60 * 60 * 1000;

interface Measuring { scope: MeasurementScope; range: MeasurementRange; rates: EarnedMediaValueRates; filter: ShareFilter }

async function measuring(db: Database, scope: MeasurementScope, query: MeasurementQuery & { personId?: string }): Promise<Measuring> {
  const range = measurementRangeOf(query);
  const { earnedMediaValue } = await advocacySettingsOf(db, scope.orgId);
  return { scope, range, rates: earnedMediaValue, filter: { storyId: query.storyId, personId: query.personId } };
}

const numbersOf = (totals: Totals, rates: EarnedMediaValueRates): Numbers => ({ ...totals, earnedMediaValue: earnedMediaValueOf(totals, rates) });

/** What every answer says about itself: the days, whose shares, and how the value is reckoned. */
const headerOf = ({ range, scope, rates }: Measuring) => ({
  from: range.from, to: range.to, spokeIds: scope.spokeIds, earnedMediaValueFormula: formulaOf(rates),
});

/** A page of rows, with where the next one starts. */
function pageOf<Item>(rows: readonly { total?: number }[], items: Item[], page: Page) {
  const total = rows[0]?.total ?? 0;
  return { items, total, nextOffset: page.offset + rows.length < total ? page.offset + rows.length : null };
}

async function summaryIn(db: Database, measured: Measuring) {
  const { scope, range, filter, rates } = measured;
  // No members in the spoke: nothing to count, and no query with an empty list.
  const empty = scope.personIds?.length === 0;
  const [summary, daily] = empty
    ? [{ ...totalsOf(undefined), sharers: 0, stories: 0 }, new Map<string, Totals>()]
    : await Promise.all([summaryNumbers(db, scope, range, filter), dailyNumbers(db, scope, range, filter)]);
  const days: ({ day: string } & Totals)[] = [];
  for (let at = range.start.getTime(); at < range.end.getTime(); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    days.push({ day, ...(daily.get(day) ?? totalsOf(undefined)) });
  }
  return { ...headerOf(measured), totals: { ...numbersOf(summary, rates), sharers: summary.sharers, stories: summary.stories }, days };
}

export async function measurementSummary(db: Database, actor: Actor, query: MeasurementQuery) {
  return summaryIn(db, await measuring(db, await measurementScopeOf(db, actor, query.spokeId), query));
}

export async function storyMeasurements(db: Database, actor: Actor, query: ListQuery) {
  const measured = await measuring(db, await measurementScopeOf(db, actor, query.spokeId), query);
  const { scope, range, filter, rates } = measured;
  const rows = scope.personIds?.length === 0 ? [] : await storyNumbers(db, scope, range, filter, rates, query.sort ?? 'clicks', query);
  const items = rows.map((row) => ({
    storyId: row.story_id, title: row.title, url: row.url, status: row.status, spokeId: row.spoke_id, sharers: row.sharers, ...numbersOf(totalsOf(row), rates),
  }));
  return { ...headerOf(measured), ...pageOf(rows, items, query) };
}

export async function personMeasurements(db: Database, actor: Actor, query: ListQuery) {
  const measured = await measuring(db, await measurementScopeOf(db, actor, query.spokeId), query);
  const { scope, range, filter, rates } = measured;
  const rows = scope.personIds?.length === 0 ? [] : await personNumbers(db, scope, range, filter, rates, query.sort ?? 'clicks', query);
  const names = new Map((await staffByIds(db, scope.orgId, rows.map((row) => row.person_id))).map((person) => [person.personId, person.name]));
  const items = rows.map((row) => ({ personId: row.person_id, name: names.get(row.person_id) ?? '', stories: row.stories, ...numbersOf(totalsOf(row), rates) }));
  return { ...headerOf(measured), ...pageOf(rows, items, query) };
}

export async function spokeMeasurements(db: Database, actor: Actor, query: ListQuery) {
  const measured = await measuring(db, await measurementScopeOf(db, actor, query.spokeId), query);
  const { scope, range, filter, rates } = measured;
  const members = await spokeMembershipsOf(db, scope.orgId, scope.spokeIds ? { spokeIds: scope.spokeIds } : {});
  const rows = members.length === 0 ? [] : await spokeNumbers(db, scope, range, filter, rates, query.sort ?? 'clicks', query, members);
  const names = new Map(members.map((member) => [member.spokeId, member.spokeName]));
  const items = rows.map((row) => ({ spokeId: row.spoke_id, name: names.get(row.spoke_id) ?? '', sharers: row.sharers, ...numbersOf(totalsOf(row), rates) }));
  return { ...headerOf(measured), ...pageOf(rows, items, query) };
}

async function sharesIn(db: Database, measured: Measuring, publicUrl: string, sort: ShareSort, page: Page) {
  const { scope, range, filter, rates } = measured;
  const rows = scope.personIds?.length === 0 ? [] : await perShareNumbers(db, scope, range, filter, rates, sort, page);
  const names = new Map((await staffByIds(db, scope.orgId, [...new Set(rows.map((row) => row.person_id))])).map((person) => [person.personId, person.name]));
  const items = rows.map((row) => ({
    shareId: row.share_id, storyId: row.story_id, storyTitle: row.title, personId: row.person_id, personName: names.get(row.person_id) ?? '',
    network: row.network, status: row.status, sharedAt: new Date(row.shared_at).toISOString(), shortUrl: shortUrlOf(row.link_code, publicUrl),
    ...numbersOf(totalsOf(row), rates),
  }));
  return { ...headerOf(measured), ...pageOf(rows, items, page) };
}

export async function shareMeasurements(db: Database, actor: Actor, publicUrl: string, query: ShareListQuery) {
  const measured = await measuring(db, await measurementScopeOf(db, actor, query.spokeId), query);
  return sharesIn(db, measured, publicUrl, query.sort ?? 'clicks', query);
}

const MY_TOP_SHARES = 10;

/** A person's own numbers, with their shares that earned the most clicks. */
export async function myImpact(db: Database, actor: Actor, publicUrl: string, query: { from?: string; to?: string }) {
  const measured = await measuring(db, ownScopeOf(actor), query);
  const [summary, shares] = await Promise.all([
    summaryIn(db, measured),
    sharesIn(db, measured, publicUrl, 'clicks', { limit: MY_TOP_SHARES, offset: 0 }),
  ]);
  return { ...summary, topShares: shares.items };
}
