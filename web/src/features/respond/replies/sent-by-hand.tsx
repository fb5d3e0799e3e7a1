// For networks Herd cannot post to: copy the reply and open the customer's post, post
// it there yourself, then confirm "I posted it" (with the post's address if you have it)
// so the reply joins the conversation and its response time counts.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { copyText } from '../../../ui/copy-text.ts';
import { useToast } from '../../../ui/toast.tsx';
import { useConfirmSentByHand } from '../api/confirm-sent-by-hand.ts';
import type { Reply } from '../types.ts';

interface SentByHandProps {
  reply: Reply;
  /** The address of the post the reply answers, when the source gave one. */
  postUrl: string | null;
}

export function SentByHand({ reply, postUrl }: SentByHandProps) {
  const confirm = useConfirmSentByHand(reply.conversationId);
  const toast = useToast();
  const [url, setUrl] = useState('');

  const copyAndOpen = async () => {
    const copied = await copyText(reply.text);
    toast(copied ? 'Reply copied: paste it into your answer.' : 'Could not copy: select the text of the reply and copy it.');
    if (postUrl) window.open(postUrl, '_blank', 'noopener,noreferrer');
  };

  return (
    <div className="sent-by-hand">
      <p>Herd cannot post on this network: copy the reply, post it as an answer to the customer’s post yourself, then confirm.</p>
      <div className="form__actions">
        <Button onClick={() => void copyAndOpen()}>{postUrl ? 'Copy text and open post' : 'Copy text'}</Button>
      </div>
      {!postUrl && <p className="muted small">The post has no address in Herd; find it on the network.</p>}
      <Form className="form--inline sent-by-hand__form" error={confirm.error}
        onSubmit={() => confirm.mutate({ replyId: reply.id, ...(url.trim() && { url: url.trim() }) }, { onSuccess: () => toast('Marked as posted.') })}>
        <TextField label="Address of your post (optional)" field="url" type="url" value={url} placeholder="https://…"
          onChange={(event) => setUrl(event.target.value)} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={confirm.isPending}>I posted it</Button>
        </div>
      </Form>
    </div>
  );
}
