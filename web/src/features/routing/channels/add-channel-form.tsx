// Adding a channel answers with its signing secret, shown here once (as a new API token
// is) with a button to copy it: receivers check X-Herd-Signature with it.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Form } from '../../../ui/form.tsx';
import { ShownOnceSecret } from '../../../ui/shown-once-secret.tsx';
import { useCreateChannel, type ChannelInput } from '../api/channels.ts';
import { ChannelFields } from './channel-fields.tsx';

const emptyChannel: ChannelInput = { name: '', format: 'slack', url: '' };

export function AddChannelForm() {
  const create = useCreateChannel();
  const [draft, setDraft] = useState(emptyChannel);

  if (create.data) {
    return (
      <ShownOnceSecret noun="secret" label="Signing secret" secret={create.data.secret} heading={`“${create.data.name}” is added. Copy its signing secret now:`} onDone={() => create.reset()}>
        <p>Whoever receives the messages checks them with it: <code>X-Herd-Signature</code> is <code>sha256=</code> and the HMAC-SHA256 of “<code>X-Herd-Timestamp</code>.body”.</p>
      </ShownOnceSecret>
    );
  }

  const submit = () => create.mutate({ ...draft, name: draft.name.trim(), url: draft.url.trim() }, { onSuccess: () => setDraft(emptyChannel) });
  return (
    <Form onSubmit={submit} error={create.error} className="form--inline">
      <ChannelFields draft={draft} onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={create.isPending}>Add channel</Button>
      </div>
    </Form>
  );
}
