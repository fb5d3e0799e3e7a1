// Disclosure of employment: where the rule applies, a reply must say its author works
// for the organization (any of the rule's phrases, anywhere in the reply); otherwise
// the finding offers to append the rule's suggestion.
import type { DisclosureRule } from './policy-rule.ts';
import type { PolicyFinding, ReplyContext, RuleCheck } from './policy-finding.ts';
import { PhraseMatcher } from './phrase-matcher.ts';

export function compileDisclosureRule(rule: DisclosureRule): RuleCheck {
  const phrases = new PhraseMatcher(rule.phrases.map((phrase) => ({ phrase, value: phrase })));
  const appliesTo = scopeOf(rule);
  const quoted = rule.phrases.map((phrase) => `"${phrase}"`).join(', ');
  return (reply) => {
    if (!appliesTo(reply.context) || phrases.isIn(reply.words)) return [];
    const end = reply.text.length;
    const separator = end === 0 || /\s$/.test(reply.text) ? '' : ' ';
    const finding: PolicyFinding = {
      ruleId: rule.id, kind: rule.kind, severity: rule.severity, span: null,
      message: `Say that you work for us${whereText(rule, reply.context)}: the reply needs one of ${quoted}.`,
      fix: `Add "${rule.suggestion}".`,
      replacement: { span: { start: end, end }, text: `${separator}${rule.suggestion}` },
    };
    return [finding];
  };
}

/** Each scope the rule names must match; a scope left out matches every reply. */
function scopeOf(rule: DisclosureRule): (context: ReplyContext) => boolean {
  const networks = rule.networks && new Set(rule.networks.map((network) => network.toLowerCase()));
  const topics = rule.topics && new Set(rule.topics.map((topic) => topic.toLowerCase()));
  return (context) => (!networks || networks.has(context.network?.toLowerCase() ?? ''))
    && (!topics || (context.topics ?? []).some((topic) => topics.has(topic.toLowerCase())));
}

function whereText(rule: DisclosureRule, context: ReplyContext): string {
  return rule.networks && context.network ? ` on ${context.network}` : '';
}
