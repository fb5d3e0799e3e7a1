// "I posted it": a share opened through the network's compose page went out in the
// person's own browser, where Herd cannot see it; they say so, with the address of the
// post if they have it (it then links from My shares and the company's public voice).
// A share confirmed without an address can be given one later.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useConfirmShare } from '../api/confirm-share.ts';
import { networkLabel, type Share } from '../types.ts';

function ConfirmShareForm({ share, onDone }: { share: Share; onDone: () => void }) {
  const confirm = useConfirmShare();
  const toast = useToast();
  const [url, setUrl] = useState('');
  const posted = share.status === 'published';
  const submit = () => confirm.mutate({ shareId: share.id, publishedUrl: url.trim() || undefined }, {
    onSuccess: () => {
      toast(posted ? 'The post’s address is saved.' : 'Marked as posted.');
      onDone();
    },
  });
  return (
    <Form onSubmit={submit} error={confirm.error}>
      <p>{posted ? `Where is your post on ${networkLabel(share.network)}?` : `Did your post go out on ${networkLabel(share.network)}? Herd counts it as published from now.`}</p>
      <TextField label={posted ? 'Address of your post' : 'Address of your post (optional)'} field="publishedUrl" type="url" value={url} placeholder="https://…"
        required={posted} maxLength={2048} data-autofocus onChange={(event) => setUrl(event.target.value)}
        hint="Open your post on the network and copy its address: it links your share to it." />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={confirm.isPending}>{posted ? 'Save address' : 'I posted it'}</Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </Form>
  );
}

export function ConfirmShareDialog({ share, open, onClose }: { share: Share; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={share.status === 'published' ? 'Add the address of your post' : `Posted “${share.storyTitle}”?`}>
      <ConfirmShareForm share={share} onDone={onClose} />
    </Dialog>
  );
}
