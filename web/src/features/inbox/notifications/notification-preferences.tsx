// How the signed-in person hears about notifications by e-mail: at once, in a daily
// digest (at the hour they pick) or not at all, and quiet hours without any.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notifications.ts';
import type { NotificationPreferences } from '../types.ts';

export function NotificationPreferencesForm() {
  const preferences = useNotificationPreferences(true);
  if (preferences.isPending) return <Loading label="Loading preferences…" />;
  if (!preferences.data) return <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />;
  return <PreferencesForm initial={preferences.data} />;
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const [draft, setDraft] = useState(initial);
  const save = useSaveNotificationPreferences();
  const toast = useToast();
  const set = (patch: Partial<NotificationPreferences>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Form onSubmit={() => save.mutate(draft, { onSuccess: () => toast('Preferences saved.') })} error={save.error}>
      <SelectField label="E-mail" field="email" value={draft.email} onChange={(event) => set({ email: event.target.value as NotificationPreferences['email'] })}
        options={[{ value: 'instant', label: 'At once' }, { value: 'digest', label: 'Daily digest' }, { value: 'off', label: 'Never' }]} />
      {draft.email === 'digest' && (
        <SelectField label="Digest hour" field="digestHour" value={String(draft.digestHour)} onChange={(event) => set({ digestHour: Number(event.target.value) })}
          options={Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }))} />
      )}
      <div className="form__grid">
        <TextField label="Quiet from" field="quietStart" type="time" value={draft.quietStart ?? ''} onChange={(event) => set({ quietStart: event.target.value || null })} />
        <TextField label="Quiet until" field="quietEnd" type="time" value={draft.quietEnd ?? ''} onChange={(event) => set({ quietEnd: event.target.value || null })} />
      </div>
      <p className="muted small">No e-mail arrives in quiet hours; leave both empty for none.</p>
      <div className="form__actions"><Button type="submit" variant="primary" busy={save.isPending}>Save preferences</Button></div>
    </Form>
  );
}
