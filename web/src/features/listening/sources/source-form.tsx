// Add a source: which connector reads it, its name, the connector's own settings,
// and whether every post counts or only posts matching a topic.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useConnectors } from '../api/list-connectors.ts';
import type { Connector, MatchMode, SourceInput } from '../types.ts';
import { ConfigFields, configFrom, draftFor, type ConfigDraft } from './config-fields.tsx';

const matchModeOptions: { value: MatchMode; label: string }[] = [
  { value: 'topics', label: 'Only posts matching a topic' },
  { value: 'all', label: 'Every post' },
];

interface SourceFormProps {
  onSubmit: (input: SourceInput) => void;
  busy: boolean;
  error: Error | null;
}

export function SourceForm(props: SourceFormProps) {
  const connectors = useConnectors();
  if (connectors.isPending) return <Loading label="Loading connectors…" />;
  if (connectors.isError) return <ErrorState error={connectors.error} onRetry={() => void connectors.refetch()} />;
  if (connectors.data.length === 0) return <ErrorState error={new Error('This Herd server has no connectors installed.')} />;
  return <SourceFormFields connectors={connectors.data} {...props} />;
}

function SourceFormFields({ connectors, onSubmit, busy, error }: SourceFormProps & { connectors: Connector[] }) {
  const [kind, setKind] = useState(connectors[0]?.kind ?? '');
  const [name, setName] = useState('');
  const [matchMode, setMatchMode] = useState<MatchMode>('topics');
  const [config, setConfig] = useState<ConfigDraft>(() => draftFor(connectors[0]?.configSchema));
  const connector = connectors.find((candidate) => candidate.kind === kind);

  const chooseKind = (next: string) => {
    setKind(next);
    setConfig(draftFor(connectors.find((candidate) => candidate.kind === next)?.configSchema));
  };
  const submit = () => onSubmit({ kind, name: name.trim(), matchMode, config: configFrom(connector?.configSchema, config) });

  return (
    <Form onSubmit={submit} error={error}>
      <div className="form__grid">
        <SelectField label="Kind" field="kind" data-autofocus value={kind} onChange={(event) => chooseKind(event.target.value)}
          options={connectors.map((option) => ({ value: option.kind, label: option.displayName }))}
          hint={connector && connector.capabilities.length > 0 ? `Can ${connector.capabilities.join(', ')}.` : undefined} />
        <TextField label="Name" field="name" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
        <SelectField label="Collect" field="matchMode" options={matchModeOptions}
          value={matchMode} onChange={(event) => setMatchMode(event.target.value as MatchMode)} />
      </div>
      {connector && Object.keys(connector.configSchema?.properties ?? {}).length > 0 && (
        <fieldset className="form__fieldset">
          <legend>{connector.displayName} settings</legend>
          <div className="form__grid">
            <ConfigFields schema={connector.configSchema} draft={config} onChange={setConfig} />
          </div>
        </fieldset>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>Add source</Button>
      </div>
    </Form>
  );
}
