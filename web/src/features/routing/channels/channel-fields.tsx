// The fields of a channel, shared by the add form and the edit dialog.
import { SelectField, TextField } from '../../../ui/field.tsx';
import { channelFormatLabels, channelFormats, type ChannelInput } from '../api/channels.ts';

interface ChannelFieldsProps {
  draft: ChannelInput;
  onChange: (patch: Partial<ChannelInput>) => void;
  /** When editing, an empty URL keeps the current one, which is not shown (a Slack webhook's path is a credential). */
  keepsUrl?: boolean;
}

export function ChannelFields({ draft, onChange, keepsUrl = false }: ChannelFieldsProps) {
  return (
    <>
      <TextField label="Name" field="name" required maxLength={100} data-autofocus value={draft.name} onChange={(event) => onChange({ name: event.target.value })} />
      <SelectField label="Format" field="format" value={draft.format} onChange={(event) => onChange({ format: event.target.value as ChannelInput['format'] })}
        options={channelFormats.map((value) => ({ value, label: channelFormatLabels[value] }))} />
      <TextField label={keepsUrl ? 'New webhook URL' : 'Webhook URL'} field="url" type="url" required={!keepsUrl} maxLength={2000}
        hint={keepsUrl ? 'Leave empty to keep the current URL.' : 'The incoming-webhook address Slack or Teams gave you; Herd POSTs JSON to it.'}
        value={draft.url} onChange={(event) => onChange({ url: event.target.value })} />
    </>
  );
}
