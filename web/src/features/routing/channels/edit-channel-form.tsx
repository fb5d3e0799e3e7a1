// Renaming a channel or changing its format or URL; the URL is only sent when a new one
// is typed, so the current one (a credential for Slack) never fills the field.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useUpdateChannel, type Channel, type ChannelInput } from '../api/channels.ts';
import { ChannelFields } from './channel-fields.tsx';

export function EditChannelForm({ channel, onDone }: { channel: Channel; onDone: () => void }) {
  const [draft, setDraft] = useState<ChannelInput>({ name: channel.name, format: channel.format, url: '' });
  const update = useUpdateChannel();
  const toast = useToast();
  const url = draft.url.trim();
  const submit = () => update.mutate(
    { id: channel.id, changes: { name: draft.name.trim(), format: draft.format, ...(url && { url }) } },
    { onSuccess: () => { toast('Channel saved.'); onDone(); } },
  );
  return (
    <Form error={update.error} onSubmit={submit}>
      <ChannelFields draft={draft} keepsUrl onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={update.isPending}>Save channel</Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </Form>
  );
}
