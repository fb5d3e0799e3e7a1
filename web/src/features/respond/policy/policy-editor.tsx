// The hub's editor of the policy: the rules as JSON (the rules in force are the
// examples of each kind's fields) and a note on what changed; saving makes a new
// version. The server checks every rule and names each problem, shown by rule and field.
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useSavePolicy } from '../api/save-policy.ts';
import type { Policy } from '../types.ts';

interface RuleProblem {
  where: string;
  message: string;
}

/** `body.rules[2].claims[0].phrase` → "Rule 3 (forbidden-claims): claims[0].phrase". */
function problemsOf(error: Error | null, rules: unknown): RuleProblem[] {
  if (!isApiError(error)) return [];
  return error.fieldProblems.map((problem) => {
    const match = /^body\.rules\[(\d+)\]\.?(.*)$/.exec(problem.field);
    if (!match) return { where: problem.field.replace(/^body\./, ''), message: problem.message };
    const index = Number(match[1]);
    const rule = Array.isArray(rules) ? (rules[index] as { id?: unknown } | undefined) : undefined;
    const name = typeof rule?.id === 'string' ? ` (${rule.id})` : '';
    return { where: `Rule ${index + 1}${name}${match[2] ? `: ${match[2]}` : ''}`, message: problem.message };
  });
}

export function PolicyEditor({ policy }: { policy: Policy }) {
  const save = useSavePolicy();
  const toast = useToast();
  const [source, setSource] = useState(() => JSON.stringify(policy.rules, null, 2));
  const [note, setNote] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [sentRules, setSentRules] = useState<unknown>(null);

  const submit = () => {
    let rules: unknown;
    try {
      rules = JSON.parse(source);
    } catch (error) {
      setParseError(`The rules are not valid JSON: ${(error as Error).message}`);
      return;
    }
    setParseError(null);
    setSentRules(rules);
    save.mutate({ rules, note: note.trim() }, { onSuccess: (saved) => toast(`Saved as version ${saved.version}.`) });
  };
  const problems = problemsOf(save.error, sentRules);

  return (
    <form className="form policy-editor" onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <TextAreaField label="Rules (JSON)" className="policy-editor__source" rows={18} spellCheck={false} value={source}
        onChange={(event) => setSource(event.target.value)}
        hint="A list of rules; each has a kind, an id, a severity (info, warn or block) and its kind’s fields." />
      <TextField label="What changed (note)" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
      {parseError && <p className="error-state" role="alert">{parseError}</p>}
      {save.error && (problems.length > 0 ? (
        <div className="error-state" role="alert">
          <p className="error-state__message">The server did not save the rules:</p>
          <ul className="policy-editor__problems">
            {problems.map((problem) => <li key={`${problem.where}-${problem.message}`}><strong>{problem.where}</strong>: {problem.message}</li>)}
          </ul>
        </div>
      ) : <ErrorState error={save.error} />)}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={save.isPending}>Save as a new version</Button>
        <Button onClick={() => { setSource(JSON.stringify(policy.rules, null, 2)); setParseError(null); save.reset(); }}>Undo my edits</Button>
      </div>
    </form>
  );
}
