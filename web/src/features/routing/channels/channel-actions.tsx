// What a hub admin can do with one channel: send it a test message now and read the
// outcome beside the button, edit it, or remove it.
import { Button } from '../../../ui/button.tsx';
import { useTestChannel, type Channel } from '../api/channels.ts';

function TestOutcome({ test }: { test: ReturnType<typeof useTestChannel> }) {
  if (test.isIdle || test.isPending) return null;
  if (test.isError) return <p><span className="badge badge--invalid">Not sent</span> {test.error.message}</p>;
  const { delivered, status, error } = test.data;
  return delivered
    ? <p><span className="badge badge--active">Delivered</span> {status !== null && `HTTP ${status}`}</p>
    : <p><span className="badge badge--invalid">Not delivered</span> {error}</p>;
}

interface ChannelActionsProps {
  channel: Channel;
  onEdit: () => void;
  onRemove: () => void;
}

export function ChannelActions({ channel, onEdit, onRemove }: ChannelActionsProps) {
  const test = useTestChannel(channel.id);
  return (
    <div className="row-actions" role="group" aria-label={`Actions for ${channel.name}`}>
      <div className="row-actions__buttons">
        <Button onClick={() => test.mutate()} busy={test.isPending}>Send test message</Button>
        <Button onClick={onEdit}>Edit</Button>
        <Button variant="danger" onClick={onRemove}>Remove</Button>
      </div>
      <div role="status"><TestOutcome test={test} /></div>
    </div>
  );
}
