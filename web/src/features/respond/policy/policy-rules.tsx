// The policy's rules in words, grouped by kind: what each kind checks, then every rule
// with its severity and what it looks for. A kind this page does not know shows as data.
import { severityLabels, type PolicyRule } from '../types.ts';

const kindTitles: Record<string, string> = {
  'disclosure': 'Say that you work here',
  'personal-data': 'Personal data',
  'confidential-terms': 'Confidential names',
  'forbidden-claims': 'Claims only others may make',
  'profanity': 'Profanity and insults',
  'link-allow-list': 'Links',
  'marketing-copy': 'Your own words, not ads',
};

const personalDataLabels: Record<string, string> = {
  'email': 'e-mail addresses', 'phone': 'phone numbers', 'card': 'payment card numbers', 'postal-address': 'postal addresses', 'order-number': 'order numbers',
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const quoted = (items: string[]) => items.map((item) => `“${item}”`).join(', ');

function RuleDetails({ rule }: { rule: PolicyRule }) {
  switch (rule.kind) {
    case 'disclosure': {
      const networks = strings(rule.networks);
      const topics = strings(rule.topics);
      return (
        <p>
          On {networks.length > 0 ? networks.join(', ') : 'every network'}{topics.length > 0 && <>, about {topics.join(', ')}</>}: a reply
          must contain one of {quoted(strings(rule.phrases))}. Suggested addition: <q>{String(rule.suggestion ?? '')}</q>.
        </p>
      );
    }
    case 'personal-data': {
      const contacts = strings(rule.publicContacts);
      return (
        <p>
          Looks for {strings(rule.detect).map((kind) => personalDataLabels[kind] ?? kind).join(', ')}.
          {typeof rule.orderNumberPattern === 'string' && <> Order numbers match <code>{rule.orderNumberPattern}</code>.</>}
          {contacts.length > 0 && <> Our own public contacts are fine: {contacts.join(', ')}.</>}
        </p>
      );
    }
    case 'confidential-terms':
      return <p>Never say: {quoted(strings(rule.terms))}.</p>;
    case 'forbidden-claims': {
      const claims = Array.isArray(rule.claims) ? (rule.claims as { phrase: string; category: string; why: string }[]) : [];
      return (
        <ul className="policy-rule__claims">
          {claims.map((claim) => <li key={claim.phrase}><q>{claim.phrase}</q> <span className="muted small">({claim.category})</span>: {claim.why}</li>)}
        </ul>
      );
    }
    case 'profanity': {
      const extra = strings(rule.extraWords);
      const allowed = strings(rule.allowWords);
      return (
        <p>
          The built-in list of swear words and insults{extra.length > 0 && <>, and {quoted(extra)}</>}.
          {allowed.length > 0 && <> Allowed all the same: {quoted(allowed)}.</>}
        </p>
      );
    }
    case 'link-allow-list': {
      const domains = strings(rule.allowedDomains);
      return <p>{domains.length > 0 ? <>Links only to {domains.join(', ')} and their subdomains.</> : 'No links at all.'}</p>;
    }
    case 'marketing-copy': {
      const copies = Array.isArray(rule.copies) ? (rule.copies as { id: string }[]) : [];
      const threshold = typeof rule.threshold === 'number' ? rule.threshold : 0.6;
      return <p>Not a near-copy (sharing {Math.round(threshold * 100)} % or more) of the marketing texts {copies.map((copy) => copy.id).join(', ')}.</p>;
    }
    default:
      return <pre className="code-block">{JSON.stringify(rule, null, 2)}</pre>;
  }
}

export function PolicyRules({ rules }: { rules: readonly PolicyRule[] }) {
  if (rules.length === 0) return <p className="muted">This policy has no rules: only the networks’ own limits apply.</p>;
  const kinds = [...new Set(rules.map((rule) => rule.kind))];
  return (
    <div className="policy-rules">
      {kinds.map((kind) => (
        <section key={kind} className="policy-kind" aria-labelledby={`policy-kind-${kind}`}>
          <h3 id={`policy-kind-${kind}`}>{kindTitles[kind] ?? kind}</h3>
          <ul className="plain-list">
            {rules.filter((rule) => rule.kind === kind).map((rule) => (
              <li key={rule.id} className="policy-rule" data-severity={rule.severity}>
                <p className="policy-rule__head">
                  <span className={`badge badge--severity-${rule.severity}`}>{severityLabels[rule.severity] ?? rule.severity}</span>{' '}
                  {rule.description ?? <code>{rule.id}</code>}
                </p>
                <RuleDetails rule={rule} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
