// The numbers of shares, summed in the database. Every view starts from the same
// per-share rows: the shares that went out (opened through a compose link, or
// published) in the range, among the people in scope, each with its potential reach
// (followers of the account shared to, at share time) and the clicks its link earned
// up to the range's last day (unique clicks: distinct visitors per day, summed; see
// links/tracked-links.ts). A view then groups those rows by story, person, spoke or day,
// sorts and pages them in the same statement: one query per view, whatever its size.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { linkClicks, shares, stories } from '../advocacy.schema.ts';
import type { EarnedMediaValueRates } from './earned-media-value.ts';
import type { MeasurementRange } from './measurement-range.ts';
import type { MeasurementScope } from './measurement-scope.ts';

export interface ShareFilter { storyId?: string; personId?: string }

export interface Totals { shares: number; clicks: number; uniqueClicks: number; reach: number }

export const listSorts = ['clicks', 'uniqueClicks', 'shares', 'reach', 'earnedMediaValue'] as const;
export type ListSort = (typeof listSorts)[number];
export const shareSorts = ['clicks', 'uniqueClicks', 'reach', 'earnedMediaValue', 'sharedAt'] as const;
export type ShareSort = (typeof shareSorts)[number];

export interface Page { limit: number; offset: number }

/** When a share went out: published, else opened at its scheduled time, else when it was made. */
const SHARED_AT = sql`coalesce(s.published_at, s.scheduled_for, s.created_at)`;
const ids = (values: readonly string[]) => sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** `with per_share as (...)`: one row per share in scope and range. */
export function perShare(scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter): SQL {
  return sql`with per_share as (
    select s.id as share_id, s.story_id, s.person_id, s.network, s.status, s.link_code, s.reach, ${SHARED_AT} as shared_at,
      coalesce(c.clicks, 0) as clicks, coalesce(c.unique_clicks, 0) as unique_clicks
    from ${shares} as s
    -- The click table's key starts with the code: one index range per share.
    left join lateral (
      select sum(lc.clicks) as clicks, count(*) as unique_clicks from ${linkClicks} as lc where lc.code = s.link_code and lc.day <= ${range.to}::date
    ) as c on true
    where s.org_id = ${scope.orgId} and s.status in ('opened', 'published')
      and ${SHARED_AT} >= ${range.start.toISOString()}::timestamptz and ${SHARED_AT} < ${range.end.toISOString()}::timestamptz
      ${scope.personIds ? sql`and s.person_id in ${ids(scope.personIds)}` : sql``}
      ${filter.storyId ? sql`and s.story_id = ${filter.storyId}::uuid` : sql``}
      ${filter.personId ? sql`and s.person_id = ${filter.personId}::uuid` : sql``}
  )`;
}

/** Sums over per_share rows (alias p), as float8 so both drivers hand back numbers (sums of int can pass 2^31). */
const SUMS = sql`count(p.share_id)::int as shares, coalesce(sum(p.clicks), 0)::float8 as clicks,
  coalesce(sum(p.unique_clicks), 0)::float8 as unique_clicks, coalesce(sum(p.reach), 0)::float8 as reach`;

function emvSql(rates: EarnedMediaValueRates, clicks: SQL, reach: SQL): SQL {
  return sql`(${clicks} * ${rates.costPerClick}::float8 + ${reach} / 1000.0 * ${rates.costPerThousandImpressions}::float8)`;
}

function orderOf(sort: ListSort | ShareSort, rates: EarnedMediaValueRates): SQL {
  switch (sort) {
    case 'clicks': return sql`r.clicks`;
    case 'uniqueClicks': return sql`r.unique_clicks`;
    case 'shares': return sql`r.shares`;
    case 'reach': return sql`r.reach`;
    case 'sharedAt': return sql`r.shared_at`;
    case 'earnedMediaValue': return emvSql(rates, sql`r.clicks`, sql`r.reach`);
  }
}

interface SumRow { shares: number; clicks: number; unique_clicks: number; reach: number; total?: number }
export const totalsOf = (row: SumRow | undefined): Totals => ({
  shares: row?.shares ?? 0, clicks: row?.clicks ?? 0, uniqueClicks: row?.unique_clicks ?? 0, reach: row?.reach ?? 0,
});

async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const { rows } = await db.execute(query) as unknown as { rows: T[] };
  return rows;
}

/** One page of grouped rows (alias r), sorted by a measure and then the key, with the count of all rows. */
const paged = (rows: SQL, sort: SQL, key: string, page: Page) => sql`select r.*, count(*) over ()::int as total from (${rows}) as r
  order by ${sort} desc, r.${sql.raw(key)} limit ${page.limit} offset ${page.offset}`;

export async function summaryNumbers(db: Database, scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter) {
  const [row] = await rowsOf<SumRow & { sharers: number; stories: number }>(db, sql`${perShare(scope, range, filter)}
    select ${SUMS}, count(distinct p.person_id)::int as sharers, count(distinct p.story_id)::int as stories from per_share as p`);
  return { ...totalsOf(row), sharers: row?.sharers ?? 0, stories: row?.stories ?? 0 };
}

/** Shares and reach by the day they went out, clicks by the day they came (UTC days). */
export async function dailyNumbers(db: Database, scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter) {
  const rows = await rowsOf<SumRow & { day: string }>(db, sql`${perShare(scope, range, filter)}
    select d.day::text as day, sum(d.shares)::int as shares, sum(d.reach)::float8 as reach, sum(d.clicks)::float8 as clicks, sum(d.unique_clicks)::float8 as unique_clicks
    from (
      select (p.shared_at at time zone 'UTC')::date as day, 1 as shares, p.reach, 0 as clicks, 0 as unique_clicks from per_share as p
      union all
      select lc.day, 0, 0, lc.clicks, 1 from per_share as p join ${linkClicks} as lc on lc.code = p.link_code and lc.day <= ${range.to}::date
    ) as d group by d.day order by d.day`);
  return new Map(rows.map((row) => [row.day, totalsOf(row)]));
}

export async function storyNumbers(db: Database, scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter, rates: EarnedMediaValueRates, sort: ListSort, page: Page) {
  return rowsOf<SumRow & { story_id: string; title: string; url: string; status: string; spoke_id: string | null; sharers: number }>(db, sql`${perShare(scope, range, filter)}
    ${paged(sql`select p.story_id, st.title, st.url, st.status, st.spoke_id, ${SUMS}, count(distinct p.person_id)::int as sharers
      from per_share as p join ${stories} as st on st.id = p.story_id
      group by p.story_id, st.title, st.url, st.status, st.spoke_id`, orderOf(sort, rates), 'story_id', page)}`);
}

export async function personNumbers(db: Database, scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter, rates: EarnedMediaValueRates, sort: ListSort, page: Page) {
  return rowsOf<SumRow & { person_id: string; stories: number }>(db, sql`${perShare(scope, range, filter)}
    ${paged(sql`select p.person_id, ${SUMS}, count(distinct p.story_id)::int as stories from per_share as p group by p.person_id`, orderOf(sort, rates), 'person_id', page)}`);
}

/**
 * Per spoke of the sharer, from the person–spoke pairs given (people's memberships):
 * every spoke among them has a row, with zeros when its members shared nothing; a person
 * in two spokes counts in both.
 */
export async function spokeNumbers(db: Database, scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter, rates: EarnedMediaValueRates, sort: ListSort, page: Page, members: readonly { personId: string; spokeId: string }[]) {
  const pairs = JSON.stringify(members.map(({ personId, spokeId }) => ({ person_id: personId, spoke_id: spokeId })));
  return rowsOf<SumRow & { spoke_id: string; sharers: number }>(db, sql`${perShare(scope, range, filter)},
    member as (select * from jsonb_to_recordset(${pairs}::jsonb) as m(person_id uuid, spoke_id uuid))
    ${paged(sql`select sp.spoke_id, ${SUMS}, count(distinct p.person_id)::int as sharers
      from (select distinct spoke_id from member) as sp
      left join member as m on m.spoke_id = sp.spoke_id
      left join per_share as p on p.person_id = m.person_id
      group by sp.spoke_id`, orderOf(sort, rates), 'spoke_id', page)}`);
}

export async function perShareNumbers(db: Database, scope: MeasurementScope, range: MeasurementRange, filter: ShareFilter, rates: EarnedMediaValueRates, sort: ShareSort, page: Page) {
  return rowsOf<SumRow & { share_id: string; story_id: string; title: string; person_id: string; network: string; status: string; shared_at: string | Date; link_code: string }>(db, sql`${perShare(scope, range, filter)}
    ${paged(sql`select p.share_id, p.story_id, st.title, p.person_id, p.network, p.status, p.shared_at, p.link_code,
        1 as shares, p.clicks::float8 as clicks, p.unique_clicks::float8 as unique_clicks, p.reach::float8 as reach
      from per_share as p join ${stories} as st on st.id = p.story_id`, orderOf(sort, rates), 'share_id', page)}`);
}
