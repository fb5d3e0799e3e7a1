// Routing rules, tried in order from the top: each with its switch, its conditions and
// actions in words, up/down to reorder, edit and delete; a new rule is added last. The
// preview beside them shows what the saved rules would do with a post.
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePickCategories, usePickSources, usePickSpokes, usePickTopics } from '../api/pickers.ts';
import { useCreateRule, useDeleteRule, useReorderRules, useRules, useUpdateRule } from '../api/rules.ts';
import { useSlaPolicies } from '../api/sla-policies.ts';
import type { Rule } from '../types.ts';
import { describeActions, describeCondition, type NameOf } from './describe-rule.ts';
import { PreviewPanel } from './preview-panel.tsx';
import { emptyRule, ruleToDraft } from './rule-draft.ts';
import { RuleForm } from './rule-form.tsx';

function useNames(rules: Rule[] | undefined): NameOf {
  const spokes = usePickSpokes();
  const topics = usePickTopics();
  const categories = usePickCategories();
  const sources = usePickSources();
  const names = new Map<string, string>();
  for (const list of [spokes.data, topics.data, categories.data, sources.data, rules]) {
    for (const item of list ?? []) names.set(item.id, item.name);
  }
  return (id) => names.get(id) ?? id;
}

export function RulesPage() {
  const rules = useRules();
  const policies = useSlaPolicies();
  const nameOf = useNames(rules.data);
  const policyName: NameOf = (id) => policies.data?.find((policy) => policy.id === id)?.name ?? id;
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const create = useCreateRule();
  const update = useUpdateRule();
  const remove = useDeleteRule();
  const reorder = useReorderRules();
  const toast = useToast();

  const move = (index: number, by: -1 | 1) => {
    const ids = (rules.data ?? []).map((rule) => rule.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids);
  };
  const closeEditor = () => {
    setEditing(null);
    create.reset();
    update.reset();
  };

  const newRuleButton = <Button variant="primary" onClick={() => setEditing('new')}>New rule</Button>;
  const forbidden = isApiError(rules.error, 'FORBIDDEN');

  return (
    <>
      <PageHeader title="Routing rules" description="Rules are tried from the top. The first rule that routes decides where a conversation goes; the other actions of every matching rule add up, until a rule that stops."
        actions={!forbidden && newRuleButton} />
      <div className="routing-rules">
        <section className="routing-rules__list" aria-label="Rules">
          {rules.isPending ? <Loading label="Loading rules…" />
            : !rules.data ? <ErrorState error={forbidden ? new Error('Only hub admins manage routing rules.') : rules.error} onRetry={forbidden ? undefined : () => void rules.refetch()} />
            : rules.data.length === 0 ? <EmptyState title="No rules yet." action={newRuleButton}>Without rules, conversations wait in the hub's queue.</EmptyState>
            : (
              <ol className="plain-list rule-list" aria-busy={reorder.isPending || undefined}>
                {rules.data.map((rule, index) => (
                  <li key={rule.id} className="rule-card" data-enabled={rule.enabled} aria-label={rule.name}>
                    <div className="rule-card__head">
                      <span className="rule-card__position">{index + 1}</span>
                      <h3 className="rule-card__name">{rule.name}</h3>
                      <label className="checkbox-label">
                        <input type="checkbox" className="checkbox" checked={rule.enabled} disabled={update.isPending && update.variables?.id === rule.id}
                          onChange={(event) => update.mutate({ id: rule.id, changes: { enabled: event.target.checked } }, { onError: (error) => toast(`Not changed: ${error.message}`) })} />
                        Enabled
                      </label>
                    </div>
                    <p className="rule-card__when">
                      <strong>When</strong> {rule.conditions.length === 0 ? 'every mention' : rule.conditions.map((c) => describeCondition(c, nameOf)).join('; and ')}
                    </p>
                    <p className="rule-card__then">
                      <strong>Then</strong> {describeActions(rule.actions, nameOf, policyName).join('; ') || 'nothing'}{rule.stop && '; stop'}
                    </p>
                    <div className="row-actions__buttons">
                      <Button variant="quiet" disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)} aria-label={`Move ${rule.name} up`}>↑ Up</Button>
                      <Button variant="quiet" disabled={index === rules.data.length - 1 || reorder.isPending} onClick={() => move(index, 1)} aria-label={`Move ${rule.name} down`}>↓ Down</Button>
                      <Button onClick={() => setEditing(rule)} aria-label={`Edit ${rule.name}`}>Edit</Button>
                      <Button variant="danger" onClick={() => setDeleting(rule)} aria-label={`Delete ${rule.name}`}>Delete</Button>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          {reorder.error && <ErrorState error={reorder.error} />}
        </section>
        {!forbidden && <PreviewPanel nameOf={nameOf} />}
      </div>
      <Dialog open={editing !== null} onClose={closeEditor} title={editing === 'new' ? 'New rule' : `Edit ${editing?.name ?? 'rule'}`}>
        {editing === 'new' && (
          <RuleForm initial={emptyRule()} submitLabel="Create rule" busy={create.isPending} error={create.error} onCancel={closeEditor}
            onSubmit={(input) => create.mutate(input, { onSuccess: (rule) => { closeEditor(); toast(`Rule “${rule.name}” created.`); } })} />
        )}
        {editing && editing !== 'new' && (
          <RuleForm initial={ruleToDraft(editing)} submitLabel="Save rule" busy={update.isPending} error={update.error} onCancel={closeEditor}
            onSubmit={(input) => update.mutate({ id: editing.id, changes: input }, { onSuccess: () => { closeEditor(); toast('Rule saved.'); } })} />
        )}
      </Dialog>
      <ConfirmDialog open={deleting !== null} title="Delete rule" confirmLabel="Delete rule" busy={remove.isPending} error={remove.error}
        onClose={() => { setDeleting(null); remove.reset(); }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast('Rule deleted.'); } })}>
        <p>Delete “{deleting?.name}”? Conversations already routed keep their place; new ones no longer meet this rule.</p>
      </ConfirmDialog>
    </>
  );
}
