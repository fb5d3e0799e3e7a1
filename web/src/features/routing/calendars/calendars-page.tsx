// A spoke's business hours, in its time zone: SLA clocks only run inside them, and
// business-hours conditions read them.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useSaveSpokeCalendar, useSpokeCalendar } from '../api/calendars.ts';
import { usePickSpokes } from '../api/pickers.ts';
import { HoursEditor } from '../hours-editor.tsx';
import type { WeeklyHours } from '../types.ts';

export function CalendarsPage() {
  const spokes = usePickSpokes();
  const [spokeId, setSpokeId] = useState('');
  return (
    <>
      <PageHeader title="Spoke calendars" description="Business hours per spoke. SLA clocks count only the time inside them; a spoke without a calendar counts every hour." />
      {spokes.isError && <ErrorState error={spokes.error} onRetry={() => void spokes.refetch()} />}
      <SelectField label="Spoke" value={spokeId} onChange={(event) => setSpokeId(event.target.value)}
        options={[{ value: '', label: spokes.data ? 'Choose a spoke' : 'Loading…' }, ...(spokes.data ?? []).map((spoke) => ({ value: spoke.id, label: spoke.name }))]} />
      {spokeId && <CalendarEditor key={spokeId} spokeId={spokeId} />}
    </>
  );
}

function CalendarEditor({ spokeId }: { spokeId: string }) {
  const calendar = useSpokeCalendar(spokeId);
  if (calendar.isPending) return <Loading label="Loading the calendar…" />;
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  return <CalendarForm spokeId={spokeId} initial={calendar.data} />;
}

function CalendarForm({ spokeId, initial }: { spokeId: string; initial: WeeklyHours | null }) {
  const [hours, setHours] = useState<WeeklyHours>(() => initial
    ? { timeZone: initial.timeZone, slots: initial.slots.map((slot) => ({ ...slot })) }
    : { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })) });
  const save = useSaveSpokeCalendar(spokeId);
  const toast = useToast();
  return (
    <Form error={save.error} onSubmit={() => save.mutate(hours, { onSuccess: () => toast('Calendar saved.') })} className="section">
      {!initial && <p className="notice">This spoke has no calendar yet; these are suggested hours until you save.</p>}
      <HoursEditor field="" timeZone={hours.timeZone} slots={hours.slots} onChange={setHours} />
      <div className="form__actions"><Button type="submit" variant="primary" busy={save.isPending}>Save calendar</Button></div>
    </Form>
  );
}
