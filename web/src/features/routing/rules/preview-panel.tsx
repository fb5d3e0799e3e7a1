// "What would happen to this post?": pick a recent mention or type a post (with what
// triage would say of it), and see where it goes, every rule's checks with why they
// held or not, and who in the spoke would get it and why ("why me").
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { usePreview } from '../api/rules.ts';
import { usePickCategories, usePickSources, usePickSpokes, useRecentMentions } from '../api/pickers.ts';
import { priorityLabels, type PreviewInput, type PreviewResult } from '../types.ts';
import { describeCondition, type NameOf } from './describe-rule.ts';

interface TextDraft {
  text: string;
  sourceId: string;
  language: string;
  sentiment: '' | 'negative' | 'neutral' | 'positive';
  categoryId: string;
  urgency: string;
  placeSpokeId: string;
  authorFollowers: string;
}

const emptyText: TextDraft = { text: '', sourceId: '', language: '', sentiment: '', categoryId: '', urgency: '', placeSpokeId: '', authorFollowers: '' };

function toInput(draft: TextDraft): PreviewInput {
  return {
    text: draft.text,
    ...(draft.sourceId ? { sourceId: draft.sourceId } : {}),
    ...(draft.language.trim() ? { language: draft.language.trim().toLowerCase() } : {}),
    ...(draft.sentiment ? { sentiment: draft.sentiment } : {}),
    ...(draft.categoryId ? { categoryId: draft.categoryId } : {}),
    ...(draft.urgency.trim() ? { urgency: Number(draft.urgency) } : {}),
    ...(draft.placeSpokeId ? { placeSpokeId: draft.placeSpokeId } : {}),
    ...(draft.authorFollowers.trim() ? { authorFollowers: Number(draft.authorFollowers) } : {}),
  };
}

export function PreviewPanel({ nameOf }: { nameOf: NameOf }) {
  const [mode, setMode] = useState<'mention' | 'text'>('mention');
  const [mentionId, setMentionId] = useState('');
  const [draft, setDraft] = useState<TextDraft>(emptyText);
  const mentions = useRecentMentions();
  const sources = usePickSources();
  const categories = usePickCategories();
  const spokes = usePickSpokes();
  const preview = usePreview();
  const set = (patch: Partial<TextDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const named = (items: { id: string; name: string }[] | undefined, empty: string) =>
    [{ value: '', label: items ? empty : 'Loading…' }, ...(items ?? []).map((item) => ({ value: item.id, label: item.name }))];

  return (
    <section className="preview-panel section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p className="muted small">Try the rules as they are saved now on a post, without routing anything.</p>
      <div className="bell__tabs" role="group" aria-label="Preview with">
        <Button variant={mode === 'mention' ? 'primary' : 'secondary'} aria-pressed={mode === 'mention'} onClick={() => setMode('mention')}>A recent mention</Button>
        <Button variant={mode === 'text' ? 'primary' : 'secondary'} aria-pressed={mode === 'text'} onClick={() => setMode('text')}>Typed text</Button>
      </div>
      <Form onSubmit={() => preview.mutate(mode === 'mention' ? { mentionId } : toInput(draft))} error={preview.error}>
        {mode === 'mention' ? (
          <SelectField label="Mention" field="mentionId" value={mentionId} onChange={(event) => setMentionId(event.target.value)}
            options={[
              { value: '', label: mentions.isPending ? 'Loading…' : mentions.data?.length ? 'Choose a mention' : 'No mentions yet' },
              ...(mentions.data ?? []).map((mention) => ({
                value: mention.id,
                label: `${mention.sourceName}: ${(mention.title || mention.text).slice(0, 80)}`,
              })),
            ]} />
        ) : (
          <>
            <TextAreaField label="Post text" field="text" rows={3} value={draft.text} onChange={(event) => set({ text: event.target.value })} />
            <details>
              <summary>What triage would say (optional)</summary>
              <div className="form__grid">
                <SelectField label="Source" field="sourceId" value={draft.sourceId} options={named(sources.data, 'Any')} onChange={(event) => set({ sourceId: event.target.value })} />
                <TextField label="Language" field="language" placeholder="en" maxLength={2} value={draft.language} onChange={(event) => set({ language: event.target.value })} />
                <SelectField label="Sentiment" field="sentiment" value={draft.sentiment} onChange={(event) => set({ sentiment: event.target.value as TextDraft['sentiment'] })}
                  options={[{ value: '', label: 'From the text' }, { value: 'negative', label: 'Negative' }, { value: 'neutral', label: 'Neutral' }, { value: 'positive', label: 'Positive' }]} />
                <SelectField label="Category" field="categoryId" value={draft.categoryId} options={named(categories.data, 'None')} onChange={(event) => set({ categoryId: event.target.value })} />
                <TextField label="Urgency" field="urgency" type="number" min={0} max={100} value={draft.urgency} onChange={(event) => set({ urgency: event.target.value })} />
                <SelectField label="Store" field="placeSpokeId" value={draft.placeSpokeId} options={named(spokes.data, 'None')} onChange={(event) => set({ placeSpokeId: event.target.value })} />
                <TextField label="Author followers" field="authorFollowers" type="number" min={0} value={draft.authorFollowers} onChange={(event) => set({ authorFollowers: event.target.value })} />
              </div>
            </details>
          </>
        )}
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={preview.isPending} disabled={mode === 'mention' ? !mentionId : !draft.text.trim()}>Preview</Button>
        </div>
      </Form>
      {preview.data && <PreviewResultView result={preview.data} nameOf={nameOf} />}
    </section>
  );
}

const ID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The rules' "why" names topics, categories, stores and sources by id (evaluating is pure); people read names. */
const withNames = (why: string, nameOf: NameOf) => why.replace(ID_PATTERN, (id) => nameOf(id));

function PreviewResultView({ result, nameOf }: { result: PreviewResult; nameOf: NameOf }) {
  const { decision, assignee } = result;
  return (
    <div className="preview-result" role="region" aria-label="Preview result">
      <h3>Decision</h3>
      <dl className="preview-result__decision">
        <div><dt>Goes to</dt><dd data-testid="preview-spoke">{decision.spokeName ?? (decision.spokeId ? nameOf(decision.spokeId) : 'No spoke (the hub)')}</dd></div>
        <div><dt>Decided by</dt><dd data-testid="preview-routed-by">{decision.routedBy ? nameOf(decision.routedBy) : 'No rule'}</dd></div>
        <div><dt>Priority</dt><dd>{priorityLabels[decision.priority] ?? decision.priority}</dd></div>
        {decision.tags.length > 0 && <div><dt>Tags</dt><dd>{decision.tags.join(', ')}</dd></div>}
        {decision.requireApproval && <div><dt>Approval</dt><dd>Replies need approval</dd></div>}
        {decision.noReplyNeeded && <div><dt>Reply</dt><dd>No reply needed</dd></div>}
      </dl>
      <h3>Rules, in order</h3>
      {decision.trace.length === 0 ? <p className="muted">No rules yet.</p> : (
        <ol className="preview-trace">
          {decision.trace.map((step, index) => (
            <li key={`${step.ruleId}-${index}`} data-outcome={step.outcome}>
              <p><strong>{step.name}</strong>: <span className={`outcome outcome--${step.outcome.replace(/\s+/g, '-')}`}>{step.outcome}</span></p>
              {step.warning && <p className="timeline__warning small">{step.warning}</p>}
              {step.checks.length > 0 && (
                <ul className="preview-trace__checks">
                  {step.checks.map((check, checkIndex) => (
                    <li key={checkIndex} data-holds={check.holds}>
                      <span aria-hidden="true">{check.holds ? '✓' : '✕'}</span>
                      <span className="visually-hidden">{check.holds ? 'Holds:' : 'Does not hold:'}</span>{' '}
                      {describeCondition(check.condition, nameOf)} — <span className="muted">{withNames(check.why, nameOf)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3>Who would get it</h3>
      {!assignee ? <p className="muted">Nobody in particular: it waits in the queue{decision.spokeName ? ` of ${decision.spokeName}` : ''}.</p> : (
        <>
          <p>{assignee.personId ? <strong>{assignee.verdicts.find((v) => v.personId === assignee.personId)?.name ?? nameOf(assignee.personId)}</strong> : 'The queue'}
            {assignee.reasons.length > 0 && <> — {assignee.reasons.join('; ')}</>}</p>
          {assignee.verdicts.length > 0 && (
            <div className="table-scroll" role="region" aria-label="Candidates" tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">Candidates</caption>
                <thead><tr><th scope="col">Person</th><th scope="col">Eligible</th><th scope="col">Score</th><th scope="col">Why</th></tr></thead>
                <tbody>
                  {assignee.verdicts.map((verdict) => (
                    <tr key={verdict.personId}>
                      <td>{verdict.name}</td>
                      <td>{verdict.eligible ? 'Yes' : 'No'}</td>
                      <td>{verdict.score.toFixed(2)}</td>
                      <td>{verdict.reasons.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
