// The signed-in person's "away" switch in the header: while away, routing assigns them
// no new conversations (what is open stays theirs); one click brings them back.
import { Button } from '../../ui/button.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useSetAvailability } from './api/set-availability.ts';
import type { Session } from './types.ts';

export function AvailabilityToggle({ status }: { status: Session['person']['status'] }) {
  const change = useSetAvailability();
  const toast = useToast();
  const away = status === 'away';
  return (
    <Button variant="quiet" className="availability-toggle" aria-pressed={away} busy={change.isPending}
      title={away ? 'You are away: nothing new is assigned to you. Click when you are back.' : 'Click when you are away: nothing new will be assigned to you.'}
      onClick={() => change.mutate(away ? 'active' : 'away', {
        onSuccess: () => toast(away ? 'Welcome back: new conversations can come to you again.' : 'You are away: nothing new is assigned to you; what is open stays yours.'),
        onError: (error) => toast(`Could not change that: ${error.message}`),
      })}>
      {away ? 'Away' : 'Available'}
    </Button>
  );
}
