// Outgoing webhook channels (Slack, Teams): list, add (the answer carries the signing
// secret, the only time it is shown), change, remove, and send a test message.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { routingKeys } from './routing-keys.ts';
import { useMutationRefreshing } from './refreshing-mutation.ts';

export const channelFormats = ['slack', 'teams'] as const;
export type ChannelFormat = (typeof channelFormats)[number];
export const channelFormatLabels: Record<ChannelFormat, string> = { slack: 'Slack', teams: 'Microsoft Teams' };

export interface ChannelInput { name: string; format: ChannelFormat; url: string }
export interface Channel extends ChannelInput { id: string; lastDeliveryAt: string | null; lastError: string | null; createdAt: string }
export interface CreatedChannel extends Channel { secret: string }
export interface ChannelTestOutcome { delivered: boolean; status: number | null; error: string | null }

const channelPath = (id: string) => `/notification-channels/${encodeURIComponent(id)}`;

export const useChannels = () =>
  useQuery({ queryKey: routingKeys.channels, queryFn: () => api.get<{ items: Channel[] }>('/notification-channels'), select: (data) => data.items });

const useChannelsMutation = <Input, Result>(run: (input: Input) => Promise<Result>) => useMutationRefreshing(routingKeys.channels, run);

export const useCreateChannel = () => useChannelsMutation((input: ChannelInput) => api.post<CreatedChannel>('/notification-channels', input));
export const useUpdateChannel = () =>
  useChannelsMutation(({ id, changes }: { id: string; changes: Partial<ChannelInput> }) => api.patch<Channel>(channelPath(id), changes));
export const useDeleteChannel = () => useChannelsMutation((id: string) => api.delete(channelPath(id)));
/** The test updates the channel's last delivery or last error, so the list is fetched again too. */
export const useTestChannel = (id: string) => useChannelsMutation(() => api.post<ChannelTestOutcome>(`${channelPath(id)}/test`));
