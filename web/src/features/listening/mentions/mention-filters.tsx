// Narrowing the stream: by topic, source, language, date range and words in the text.
import { SelectField, TextField } from '../../../ui/field.tsx';
import type { Source, Topic } from '../types.ts';

export interface MentionFilterDraft {
  topicId: string;
  sourceId: string;
  language: string;
  fromDate: string;
  toDate: string;
  search: string;
}

export const emptyFilters: MentionFilterDraft = { topicId: '', sourceId: '', language: '', fromDate: '', toDate: '', search: '' };

interface MentionFiltersProps {
  draft: MentionFilterDraft;
  onChange: (draft: MentionFilterDraft) => void;
  topics: Topic[] | undefined;
  sources: Source[] | undefined;
}

const optionsOf = (items: { id: string; name: string }[] | undefined, all: string) =>
  [{ value: '', label: items ? all : 'Loading…' }, ...(items ?? []).map((item) => ({ value: item.id, label: item.name }))];

export function MentionFilters({ draft, onChange, topics, sources }: MentionFiltersProps) {
  const set = (patch: Partial<MentionFilterDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="filters" role="search">
      <TextField label="Search text" type="search" value={draft.search} onChange={(event) => set({ search: event.target.value })} />
      <SelectField label="Topic" options={optionsOf(topics, 'All topics')}
        value={draft.topicId} onChange={(event) => set({ topicId: event.target.value })} />
      <SelectField label="Source" options={optionsOf(sources, 'All sources')}
        value={draft.sourceId} onChange={(event) => set({ sourceId: event.target.value })} />
      <TextField label="Language" placeholder="en" maxLength={2} pattern="[A-Za-z]{2}" className="input--short"
        hint="Two letters" value={draft.language} onChange={(event) => set({ language: event.target.value })} />
      <TextField label="From" type="date" value={draft.fromDate} onChange={(event) => set({ fromDate: event.target.value })} />
      <TextField label="To" type="date" value={draft.toDate} onChange={(event) => set({ toDate: event.target.value })} />
    </div>
  );
}
