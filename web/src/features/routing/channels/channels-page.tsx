// Notification channels: the Slack- or Teams-compatible webhooks Herd posts to. Each is
// listed with the host it posts to only (a Slack webhook's path is itself a
// credential), its last delivery and error; a new one shows its signing secret once.
import { useState } from 'react';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table } from '../../../ui/table.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { channelFormatLabels, useChannels, useDeleteChannel, type Channel } from '../api/channels.ts';
import { AddChannelForm } from './add-channel-form.tsx';
import { ChannelActions } from './channel-actions.tsx';
import { EditChannelForm } from './edit-channel-form.tsx';

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).host : '');

export function ChannelsPage() {
  const channels = useChannels();
  const [editing, setEditing] = useState<Channel | null>(null);
  const [removing, setRemoving] = useState<Channel | null>(null);
  const remove = useDeleteChannel();
  const toast = useToast();

  return (
    <>
      <PageHeader title="Notification channels" description="Slack- or Teams-compatible webhooks Herd posts to: new conversations from routing rules that notify a channel, and crisis alerts (Crisis → Settings). Every message is signed with the channel's secret." />
      <section className="section" aria-label="Channels">
        {channels.isPending ? <Loading label="Loading channels…" />
          : !channels.data ? <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
          : channels.data.length === 0 ? <EmptyState title="No channels yet.">Add one below with the webhook URL Slack or Teams gave you.</EmptyState>
          : (
            <Table caption="Notification channels" rows={channels.data} rowKey={(channel) => channel.id} columns={[
              { header: 'Name', cell: (channel) => <strong>{channel.name}</strong> },
              { header: 'Format', cell: (channel) => channelFormatLabels[channel.format] },
              { header: 'Posts to', cell: (channel) => <code>{hostOf(channel.url)}</code> },
              { header: 'Last delivered', cell: (channel) => <DateTime value={channel.lastDeliveryAt} /> },
              { header: 'Last error', cell: (channel) => channel.lastError ?? '—' },
              { header: 'Actions', cell: (channel) => <ChannelActions channel={channel} onEdit={() => setEditing(channel)} onRemove={() => setRemoving(channel)} /> },
            ]} />
          )}
      </section>
      <section className="section" aria-labelledby="add-channel">
        <h2 id="add-channel">Add a channel</h2>
        <AddChannelForm />
      </section>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={`Edit ${editing?.name ?? 'channel'}`}>
        {editing && <EditChannelForm key={editing.id} channel={editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmDialog open={removing !== null} title="Remove channel" confirmLabel="Remove channel" busy={remove.isPending} error={remove.error}
        onClose={() => { setRemoving(null); remove.reset(); }}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => { setRemoving(null); toast('Channel removed.'); } })}>
        <p>Remove “{removing?.name}”? Herd stops posting to it; rules and crisis settings that name it send nothing there.</p>
      </ConfirmDialog>
    </>
  );
}
