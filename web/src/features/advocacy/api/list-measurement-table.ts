// The measurement tables (per story, person, spoke and share): a sorted page as JSON,
// or the whole table as a CSV download from the same address with `format=csv`.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MeasurementPage, MeasurementRows, MeasurementTable, MeasurementTableQuery } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

const pathOf = (table: MeasurementTable) => `/advocacy/measurement/${table}`;

export const listMeasurementTable = <Table extends MeasurementTable>(table: Table, query: MeasurementTableQuery) =>
  api.get<MeasurementPage<MeasurementRows[Table]>>(pathOf(table), { ...query });

export const useMeasurementTable = <Table extends MeasurementTable>(table: Table, query: MeasurementTableQuery) =>
  useQuery({ queryKey: advocacyKeys.measurementTable(table, query), queryFn: () => listMeasurementTable(table, query), placeholderData: keepPreviousData });

/** The address of the whole table as CSV (the browser downloads it with the session's cookie; paging does not apply). */
export function measurementCsvUrl(table: MeasurementTable, { limit: _limit, offset: _offset, ...query }: MeasurementTableQuery): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return `/api${pathOf(table)}?${params}`;
}
