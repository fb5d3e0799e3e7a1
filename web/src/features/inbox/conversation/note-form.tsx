// An internal note, with @-mentions: typing "@" and a few letters offers matching
// people (arrow keys and Enter, or a click, pick one); the note names them and they
// are notified. A mention counts while its "@Name" is still in the text.
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Field } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useDebouncedValue } from '../../../ui/use-debounced-value.ts';
import { useConversationAction } from '../api/conversation-actions.ts';
import { usePeopleSearch } from '../api/pickers.ts';
import type { PersonChoice } from '../types.ts';

const mentionAtCaret = /(?:^|\s)@([\p{L}\p{N}._-]{0,40})$/u;

interface NoteFormProps {
  conversationId: string;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

export function NoteForm({ conversationId, textareaRef }: NoteFormProps) {
  const [text, setText] = useState('');
  const [mentioned, setMentioned] = useState<PersonChoice[]>([]);
  const [query, setQuery] = useState<string | null>(null);
  const [highlight, setHighlight] = useState(0);
  const debounced = useDebouncedValue(query ?? '', 150);
  const people = usePeopleSearch(debounced, query !== null);
  const suggestions = query === null ? [] : (people.data ?? []).slice(0, 6);
  const action = useConversationAction(conversationId);

  const updateQuery = (value: string, caret: number) => {
    const match = mentionAtCaret.exec(value.slice(0, caret));
    setQuery(match ? match[1]! : null);
    setHighlight(0);
  };

  const pick = (person: PersonChoice) => {
    const textarea = textareaRef.current;
    const caret = textarea?.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@[\p{L}\p{N}._-]*$/u, `@${person.name} `);
    const next = before + text.slice(caret);
    setText(next);
    setMentioned((all) => (all.some((p) => p.id === person.id) ? all : [...all, person]));
    setQuery(null);
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(before.length, before.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); setHighlight((h) => (h + 1) % suggestions.length); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setHighlight((h) => (h - 1 + suggestions.length) % suggestions.length); }
    else if (event.key === 'Enter' || event.key === 'Tab') { event.preventDefault(); pick(suggestions[highlight]!); }
    else if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); setQuery(null); }
  };

  const stillMentioned = mentioned.filter((person) => text.includes(`@${person.name}`));
  const submit = () => {
    if (!text.trim()) return;
    action.mutate(
      { kind: 'notes', text: text.trim(), mentionPersonIds: stillMentioned.map((person) => person.id) },
      { onSuccess: () => { setText(''); setMentioned([]); } },
    );
  };

  const listId = `note-mentions-${conversationId}`;
  return (
    <Form onSubmit={submit} error={action.error} className="note-form">
      <Field label="Note" field="text" hint="Only your colleagues see notes. Type @ to mention someone; press n to come here.">
        {(control) => (
          <div className="note-form__input">
            <textarea
              {...control}
              ref={textareaRef}
              className="input"
              rows={3}
              value={text}
              aria-keyshortcuts="n"
              role="combobox"
              aria-expanded={suggestions.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={suggestions.length > 0 ? `${listId}-${highlight}` : undefined}
              onChange={(event) => { setText(event.target.value); updateQuery(event.target.value, event.target.selectionStart); }}
              onKeyDown={onKeyDown}
              onBlur={() => setTimeout(() => setQuery(null), 150)}
            />
            <ul id={listId} role="listbox" className="mention-suggestions" hidden={suggestions.length === 0} aria-label="People to mention">
              {suggestions.map((person, index) => (
                <li key={person.id} id={`${listId}-${index}`} role="option" aria-selected={index === highlight}
                  onMouseDown={(event) => { event.preventDefault(); pick(person); }}>
                  {person.name}{person.title && <span className="muted"> · {person.title}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      {stillMentioned.length > 0 && <p className="muted small">Will notify: {stillMentioned.map((person) => person.name).join(', ')}</p>}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={action.isPending} disabled={!text.trim()}>Add note</Button>
      </div>
    </Form>
  );
}
