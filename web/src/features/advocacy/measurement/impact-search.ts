// What the impact page shows lives in its address (so a view can be bookmarked and
// sent): the days, the spoke, one story or person, the table, its sort and page.
// Defaults stay out of the address; changing what is shown goes back to the first page.
import { useSearchParams } from 'react-router';
import { measurementSorts, measurementTables, type MeasurementSort, type MeasurementTable } from '../types.ts';
import { defaultRange, isDay, type DayRange } from './impact-range.ts';

export interface ImpactView {
  range: DayRange;
  spokeId: string;
  storyId: string;
  /** Only in the shares table. */
  personId: string;
  table: MeasurementTable;
  sort: MeasurementSort;
  offset: number;
}

export type ImpactParam = 'from' | 'to' | 'spoke' | 'story' | 'person' | 'table' | 'sort' | 'offset';

const oneOf = <Value extends string>(values: readonly Value[], value: string | null, fallback: Value): Value =>
  value !== null && (values as readonly string[]).includes(value) ? (value as Value) : fallback;

export function useImpactSearch(): [ImpactView, (changes: Partial<Record<ImpactParam, string>>) => void] {
  const [search, setSearch] = useSearchParams();
  const fallback = defaultRange();
  const from = search.get('from');
  const to = search.get('to');
  const table = oneOf(measurementTables, search.get('table'), 'stories');
  const sort = oneOf(measurementSorts, search.get('sort'), 'clicks');
  const view: ImpactView = {
    range: { from: isDay(from) ? from : fallback.from, to: isDay(to) ? to : fallback.to },
    spokeId: search.get('spoke') ?? '',
    storyId: search.get('story') ?? '',
    personId: table === 'shares' ? (search.get('person') ?? '') : '',
    table,
    // Only shares have a date to sort by.
    sort: sort === 'sharedAt' && table !== 'shares' ? 'clicks' : sort,
    offset: Math.max(0, Number.parseInt(search.get('offset') ?? '0', 10) || 0),
  };
  const change = (changes: Partial<Record<ImpactParam, string>>) => setSearch((current) => {
    const next = new URLSearchParams(current);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('offset' in changes)) next.delete('offset');
    return next;
  }, { replace: true });
  return [view, change];
}
