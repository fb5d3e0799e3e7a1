// Inputs for a connector's configuration, drawn from its JSON schema: text and
// number inputs, checkboxes, selects for enums, and one-per-line lists of strings.
import { Field, SelectField, TextField } from '../../../ui/field.tsx';
import type { ConfigProperty, ConfigSchema } from '../types.ts';

/** The form's state of one config value: what is typed, before converting. */
export type ConfigDraft = Record<string, string | boolean>;

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'list';

function kindOf(property: ConfigProperty): Kind {
  const types = Array.isArray(property.type) ? property.type : [property.type];
  if (types.includes('boolean')) return 'boolean';
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  if (types.includes('array')) return 'list';
  return 'string';
}

const humanize = (key: string) =>
  key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().replace(/^./, (first) => first.toUpperCase());

const entries = (schema: ConfigSchema | undefined) => Object.entries(schema?.properties ?? {});

/** A fresh draft with the schema's defaults filled in. */
export function draftFor(schema: ConfigSchema | undefined): ConfigDraft {
  return Object.fromEntries(entries(schema).map(([key, property]) => {
    const fallback = property.default;
    if (kindOf(property) === 'boolean') return [key, fallback === true];
    if (Array.isArray(fallback)) return [key, fallback.join('\n')];
    return [key, fallback === undefined || fallback === null ? '' : String(fallback)];
  }));
}

/** What to send: typed values, with empty optional inputs left out so the server's defaults apply. */
export function configFrom(schema: ConfigSchema | undefined, draft: ConfigDraft): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, property] of entries(schema)) {
    const value = draft[key];
    if (typeof value === 'boolean') {
      config[key] = value;
      continue;
    }
    const text = (value ?? '').trim();
    if (text === '') continue;
    const kind = kindOf(property);
    if (kind === 'list') config[key] = text.split('\n').map((line) => line.trim()).filter(Boolean);
    else if (kind === 'integer' || kind === 'number') config[key] = Number(text);
    else config[key] = text;
  }
  return config;
}

interface ConfigFieldsProps {
  schema: ConfigSchema | undefined;
  draft: ConfigDraft;
  onChange: (draft: ConfigDraft) => void;
}

export function ConfigFields({ schema, draft, onChange }: ConfigFieldsProps) {
  const required = new Set(schema?.required ?? []);
  const set = (key: string, value: string | boolean) => onChange({ ...draft, [key]: value });

  return entries(schema).map(([key, property]) => {
    const label = property.title ?? humanize(key);
    const common = { label, field: `config.${key}`, hint: property.description, required: required.has(key) };
    const value = draft[key];
    const text = typeof value === 'string' ? value : '';
    switch (kindOf(property)) {
      case 'boolean':
        return (
          <Field key={key} label={label} field={common.field} hint={property.description}>
            {(control) => (
              <input type="checkbox" className="checkbox" {...control}
                checked={value === true} onChange={(event) => set(key, event.target.checked)} />
            )}
          </Field>
        );
      case 'list':
        return (
          <Field key={key} label={label} field={common.field} hint={property.description ?? 'One per line.'}>
            {(control) => (
              <textarea className="input" rows={3} required={common.required} {...control}
                value={text} onChange={(event) => set(key, event.target.value)} />
            )}
          </Field>
        );
      case 'integer':
      case 'number':
        return (
          <TextField key={key} {...common} type="number" step={kindOf(property) === 'integer' ? 1 : 'any'}
            min={property.minimum} max={property.maximum} value={text} onChange={(event) => set(key, event.target.value)} />
        );
      default:
        if (property.enum) {
          const options = property.enum.map((option) => ({ value: String(option), label: String(option) }));
          return (
            <SelectField key={key} {...common} options={common.required ? options : [{ value: '', label: '—' }, ...options]}
              value={text} onChange={(event) => set(key, event.target.value)} />
          );
        }
        return (
          <TextField key={key} {...common} type={inputType(property.format)} autoComplete="off"
            value={text} onChange={(event) => set(key, event.target.value)} />
        );
    }
  });
}

function inputType(format: string | undefined): string {
  if (format === 'uri' || format === 'url') return 'url';
  if (format === 'email') return 'email';
  if (format === 'password') return 'password';
  return 'text';
}
