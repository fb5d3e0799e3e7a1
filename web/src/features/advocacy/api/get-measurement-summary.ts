import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { MeasurementQuery, MeasurementSummary } from '../types.ts';
import { advocacyKeys } from './advocacy-keys.ts';

/** Totals and the daily series of a range (hub admins, PR leads, analysts; spoke leads for their spokes). */
export const getMeasurementSummary = (query: MeasurementQuery) => api.get<MeasurementSummary>('/advocacy/measurement/summary', { ...query });

export const useMeasurementSummary = (query: MeasurementQuery) =>
  useQuery({ queryKey: advocacyKeys.measurementSummary(query), queryFn: () => getMeasurementSummary(query), placeholderData: keepPreviousData });
