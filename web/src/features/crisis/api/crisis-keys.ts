// Cache keys of the crisis section. A `crisis.changed` event refreshes everything under
// `all` (radar, alerts, rooms); a change made here refreshes exactly what it touched.
import type { AlertFilters, CrisisStatus } from '../types.ts';

export const crisisKeys = {
  all: ['crisis'] as const,
  radar: ['crisis', 'radar'] as const,
  alerts: ['crisis', 'alerts'] as const,
  alertList: (filters: AlertFilters) => ['crisis', 'alerts', filters] as const,
  alert: (alertId: string) => ['crisis', 'alerts', 'one', alertId] as const,
  rooms: ['crisis', 'rooms'] as const,
  roomList: (status: CrisisStatus | '') => ['crisis', 'rooms', 'list', status] as const,
  /** One crisis and everything shown in its room (timeline, series, mentions, statements). */
  room: (crisisId: string) => ['crisis', 'rooms', 'one', crisisId] as const,
  timeline: (crisisId: string) => ['crisis', 'rooms', 'one', crisisId, 'timeline'] as const,
  series: (crisisId: string, bucketMinutes: number) => ['crisis', 'rooms', 'one', crisisId, 'series', bucketMinutes] as const,
  mentions: (crisisId: string) => ['crisis', 'rooms', 'one', crisisId, 'mentions'] as const,
  statements: (crisisId: string) => ['crisis', 'rooms', 'one', crisisId, 'statements'] as const,
  settings: ['crisis', 'settings'] as const,
  topics: ['crisis', 'pick', 'topics'] as const,
  spokes: ['crisis', 'pick', 'spokes'] as const,
  people: ['crisis', 'pick', 'people'] as const,
  channels: ['crisis', 'pick', 'channels'] as const,
};
