// Who changed what and when, for hub admins. Filter by action, target type, date
// range, or by an actor: pick one from the table.
import { useState } from 'react';
import { Button } from '../../ui/button.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { dayStart } from '../../ui/day-start.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedTable } from '../../ui/paged-table.tsx';
import type { Column } from '../../ui/table.tsx';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';
import { useAuditEvents } from './api/list-audit-events.ts';
import { ChangeDiff } from './change-diff.tsx';
import type { AuditEvent } from './types.ts';

interface Actor {
  id: string;
  label: string;
}

function auditColumns(onPickActor: (actor: Actor) => void): Column<AuditEvent>[] {
  return [
    { header: 'Time', cell: (event) => <DateTime value={event.at} /> },
    {
      header: 'Actor',
      cell: ({ actorPersonId, actorLabel }) => actorPersonId
        ? <button type="button" className="link-button" title="Show only this actor's actions"
            onClick={() => onPickActor({ id: actorPersonId, label: actorLabel })}>{actorLabel}</button>
        : actorLabel,
    },
    { header: 'Action', cell: (event) => <code>{event.action}</code> },
    {
      header: 'Target',
      cell: (event) => <><span className="muted">{event.targetType}</span> {event.targetLabel ?? event.targetId ?? ''}</>,
    },
    { header: 'Changes', cell: (event) => <ChangeDiff before={event.before} after={event.after} /> },
  ];
}

export function AuditPage() {
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [actor, setActor] = useState<Actor | null>(null);
  const debouncedAction = useDebouncedValue(action.trim());
  const debouncedTargetType = useDebouncedValue(targetType.trim());
  const events = useAuditEvents({
    action: debouncedAction,
    targetType: debouncedTargetType,
    actorPersonId: actor?.id ?? '',
    from: dayStart(fromDate),
    // The "to" day counts in full: the range ends where the next day starts.
    to: dayStart(toDate, 1),
  });
  const filtered = Boolean(action || targetType || fromDate || toDate || actor);

  return (
    <>
      <PageHeader title="Audit log" description="Every change to people, spokes, roles and settings, with who made it." />
      <div className="filters" role="search">
        <TextField label="Action" placeholder="person.update" value={action} onChange={(event) => setAction(event.target.value)} />
        <TextField label="Target type" placeholder="person" value={targetType} onChange={(event) => setTargetType(event.target.value)} />
        <TextField label="From" type="date" value={fromDate} onChange={(event) => setFromDate(event.target.value)} />
        <TextField label="To" type="date" value={toDate} onChange={(event) => setToDate(event.target.value)} />
      </div>
      <p className="filters__actor">
        {actor
          ? <>Only actions by <strong>{actor.label}</strong>. <Button variant="quiet" onClick={() => setActor(null)}>Show all actors</Button></>
          : <span className="muted">Choose a name in the Actor column to see only that person’s actions.</span>}
      </p>
      <PagedTable
        query={events}
        caption="Audit events"
        columns={auditColumns(setActor)}
        rowKey={(event) => String(event.id)}
        empty={<EmptyState title={filtered ? 'No events match these filters.' : 'Nothing has been recorded yet.'} />}
      />
    </>
  );
}
