// One alert: which detector on which topic said what, its explanation, whether
// someone acknowledged it (or it was escalated because nobody did), and the two things
// to do about it: acknowledge it, or open a crisis room from it.
import { DateTime } from '../../../ui/date-time.tsx';
import { Button } from '../../../ui/button.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAcknowledgeAlert } from '../api/acknowledge-alert.ts';
import { detectorLabel, type CrisisAlert } from '../types.ts';
import type { CrisisStart } from '../rooms/open-crisis-dialog.tsx';
import { AlertExplanationFacts, SampleMentionIds } from './alert-explanation.tsx';

interface AlertCardProps {
  alert: CrisisAlert;
  topicName: string;
  mayOpenRoom: boolean;
  onOpenRoom: (start: CrisisStart) => void;
}

export function AlertCard({ alert, topicName, mayOpenRoom, onOpenRoom }: AlertCardProps) {
  const acknowledge = useAcknowledgeAlert();
  const toast = useToast();
  const detector = detectorLabel(alert.detector);
  const subject = alert.explanation.subject ? ` “${alert.explanation.subject}”` : '';
  return (
    <article className="alert-card" aria-label={`${detector}${subject} on ${topicName}`} data-acknowledged={alert.acknowledgedAt ? true : undefined}
      data-escalated={alert.escalatedAt ? true : undefined}>
      <header className="alert-card__header">
        <h2 className="alert-card__title">{detector}{subject} <span className="muted">on</span> {topicName}</h2>
        <p className="alert-card__badges">
          {alert.escalatedAt && <span className="badge badge--crisis-escalated" title="Nobody acknowledged it in time; the escalation list was told">Escalated</span>}
          {alert.acknowledgedAt ? <span className="badge badge--crisis-acknowledged">Acknowledged</span> : <span className="badge badge--crisis-open">Waiting</span>}
          <span className="muted small">Raised <DateTime value={alert.raisedAt} /></span>
        </p>
      </header>
      <p className="alert-card__summary">{alert.summary}</p>
      <AlertExplanationFacts explanation={alert.explanation} />
      <SampleMentionIds ids={alert.sampleMentionIds} />
      {(alert.acknowledgedAt || alert.escalatedAt) && (
        <p className="muted small">
          {alert.escalatedAt && <>Escalated <DateTime value={alert.escalatedAt} />. </>}
          {alert.acknowledgedAt && <>Acknowledged <DateTime value={alert.acknowledgedAt} />.</>}
        </p>
      )}
      <div className="form__actions">
        {!alert.acknowledgedAt && (
          <Button variant="primary" busy={acknowledge.isPending}
            onClick={() => acknowledge.mutate(alert.id, { onSuccess: () => toast('Alert acknowledged.'), onError: (error) => toast(`Not acknowledged: ${error.message}`) })}>
            Acknowledge
          </Button>
        )}
        {mayOpenRoom && (
          <Button onClick={() => onOpenRoom({ title: `${topicName}: ${detector.toLowerCase()}${subject}`, topicIds: [alert.topicId], fromAlertId: alert.id })}>
            Open crisis room
          </Button>
        )}
      </div>
    </article>
  );
}
