import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import { cursorListOptions } from '../../../api/cursor-list.ts';
import type { AuditEvent, AuditFilters } from '../types.ts';

const pageSize = 50;

export const listAuditEvents = (filters: AuditFilters, cursor: string | null) =>
  api.get<Page<AuditEvent>>('/audit', { ...filters, cursor, limit: pageSize });

export const useAuditEvents = (filters: AuditFilters) =>
  useInfiniteQuery(cursorListOptions(['audit', filters], (cursor) => listAuditEvents(filters, cursor)));
