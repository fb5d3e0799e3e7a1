import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Connector } from '../types.ts';
import { listeningKeys } from './listening-keys.ts';

export const listConnectors = () => api.get<{ items: Connector[] }>('/connectors');

export const useConnectors = () =>
  useQuery({ queryKey: listeningKeys.connectors, queryFn: listConnectors, select: (data) => data.items, staleTime: Infinity });
