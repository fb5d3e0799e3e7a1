// What happened to the conversation, oldest first: how it was routed (the rule trace),
// why it went to whom ("why me"), transfers, status changes, escalations, SLA warnings,
// notes and experts.
import { DateTime } from '../../../ui/date-time.tsx';
import type { TimelineEntry, TraceStep } from '../types.ts';

const kindLabels: Record<string, string> = {
  routed: 'Routed',
  assigned: 'Assigned',
  queued: 'Queued',
  claimed: 'Claimed',
  transferred: 'Transferred',
  status: 'Status changed',
  reopened: 'Reopened',
  escalated: 'Escalated',
  sla_warning: 'SLA warning',
  sla_breach: 'SLA breached',
  note: 'Note',
  snoozed: 'Snoozed',
  merged: 'Merged',
  expert_requested: 'Expert asked',
  expert_joined: 'Expert joined',
  replied: 'Replied',
};

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function Trace({ trace }: { trace: TraceStep[] }) {
  return (
    <details className="timeline__trace">
      <summary>Rule trace ({trace.length} {trace.length === 1 ? 'rule' : 'rules'})</summary>
      <ol>
        {trace.map((step, index) => (
          <li key={`${step.ruleId}-${index}`} data-outcome={step.outcome}>
            <strong>{step.name}</strong>: <span className={`outcome outcome--${step.outcome.replace(/\s+/g, '-')}`}>{step.outcome}</span>
            {step.warning && <span className="timeline__warning"> — {step.warning}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

interface Verdict { personId: string; name: string; eligible: boolean; score: number; reasons: string[] }
type NameOf = (id: string | null) => string | null;

function Details({ entry, nameOf, spokeNameOf }: { entry: TimelineEntry; nameOf: NameOf; spokeNameOf: NameOf }) {
  const d = entry.details ?? {};
  switch (entry.kind) {
    case 'routed': {
      const trace = Array.isArray(d.trace) ? (d.trace as TraceStep[]) : [];
      const rule = trace.find((step) => step.ruleId === str(d.ruleId)) ?? trace.find((step) => step.outcome === 'matched');
      const spoke = str(d.spokeName) ?? spokeNameOf(str(d.spokeId));
      return (
        <>
          <p>
            {spoke ? <>To {spoke}</> : str(d.spokeId) ? 'To a spoke' : 'Not routed to a spoke'}
            {rule && <>, by the rule “{rule.name}”</>}
            {str(d.priority) && <> · priority {str(d.priority)}</>}
          </p>
          {trace.length > 0 && <Trace trace={trace} />}
        </>
      );
    }
    case 'assigned':
    case 'queued': {
      const reasons = strings(d.reasons);
      const verdicts = Array.isArray(d.verdicts) ? (d.verdicts as Verdict[]) : [];
      const who = str(d.personName) ?? nameOf(str(d.personId)) ?? verdicts.find((v) => v.personId === str(d.personId))?.name ?? null;
      return (
        <>
          {who && <p>To {who}</p>}
          {reasons.length > 0 && (
            <details className="timeline__why" open>
              <summary>Why {entry.kind === 'queued' ? 'the queue' : who ?? 'this person'}?</summary>
              <ul>{reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
            </details>
          )}
          {verdicts.length > 0 && (
            <details className="timeline__why">
              <summary>Everyone considered ({verdicts.length})</summary>
              <ul>
                {[...verdicts].sort((a, b) => b.score - a.score).map((verdict) => (
                  <li key={verdict.personId}>
                    <strong>{verdict.name}</strong>{verdict.eligible ? ` · score ${verdict.score}` : ' · not eligible'}: {verdict.reasons.join(', ')}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      );
    }
    case 'transferred':
      return (
        <p>
          {(str(d.toSpokeName) ?? spokeNameOf(str(d.toSpokeId))) && <>To {str(d.toSpokeName) ?? spokeNameOf(str(d.toSpokeId))}. </>}
          {(str(d.toPersonName) ?? nameOf(str(d.toPersonId))) && <>To {str(d.toPersonName) ?? nameOf(str(d.toPersonId))}. </>}
          {str(d.note) && <q>{str(d.note)}</q>}
        </p>
      );
    case 'status':
      return <p>{str(d.from) ?? '?'} → {str(d.to) ?? '?'}</p>;
    case 'escalated':
      return <p>Step {String(d.step ?? '?')}{strings(d.notified).length > 0 && <>; told {strings(d.notified).length} {strings(d.notified).length === 1 ? 'person' : 'people'}</>}{str(d.note) && <>: <q>{str(d.note)}</q></>}</p>;
    case 'sla_warning':
    case 'sla_breach':
      return <p>{str(d.clock) ?? 'Clock'} due <DateTime value={str(d.dueAt)} /></p>;
    case 'note':
      return <p className="timeline__note">{str(d.text)}</p>;
    case 'snoozed':
      return <p>Until <DateTime value={str(d.until)} /></p>;
    case 'merged':
      return <p>{str(d.intoConversationId) ? <>Into conversation {str(d.intoConversationId)}</> : 'Merged'}</p>;
    case 'replied':
      return (
        <p>
          {str(d.network) && <>On {str(d.network)}</>}
          {typeof d.minutesSinceCustomer === 'number' && <> · {d.minutesSinceCustomer} min after the customer</>}
          {str(d.url) && <> · <a href={str(d.url)!} target="_blank" rel="noreferrer noopener">Open the reply</a></>}
        </p>
      );
    case 'expert_requested':
      return <p>{str(d.skill) && <><strong>{str(d.skill)}</strong>: </>}{str(d.question)}</p>;
    default:
      return null;
  }
}

export function Timeline({ timeline, nameOf, spokeNameOf }: { timeline: TimelineEntry[]; nameOf: NameOf; spokeNameOf: NameOf }) {
  if (timeline.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="plain-list timeline">
      {timeline.map((entry) => (
        <li key={entry.id} className={`timeline__entry timeline__entry--${entry.kind}`} data-kind={entry.kind}>
          <p className="timeline__head">
            <strong>{kindLabels[entry.kind] ?? entry.kind}</strong>
            {entry.actorName && <> by {entry.actorName}</>}
            {' · '}<span className="muted small"><DateTime value={entry.at} /></span>
          </p>
          <Details entry={entry} nameOf={nameOf} spokeNameOf={spokeNameOf} />
        </li>
      ))}
    </ol>
  );
}
