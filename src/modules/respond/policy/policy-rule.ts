// The organization's social-media policy as data: a list of rules, each of one kind
// (disclosure, personal data, confidential terms, forbidden claims, profanity, link
// allow-list, marketing copy), edited by the hub and checked against every reply.
// The TypeBox schemas validate rule sets at the API; parsePolicyRules adds the checks
// a schema cannot express and names the field of every problem.
import { Type, type Static, type TSchema } from 'typebox';
import { parseWithSchema } from '../../../connectors/parse-config.ts';
import { AppError, invalid, type FieldProblem } from '../../../errors.ts';
import { phraseWords } from './text-folding.ts';
import { readPhrase } from './phrase-matcher.ts';

export const severities = ['info', 'warn', 'block'] as const;
export type Severity = (typeof severities)[number];
export const personalDataKinds = ['email', 'phone', 'card', 'postal-address', 'order-number'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];
export const claimCategories = ['regulated', 'financial', 'medical', 'legal'] as const;
export type ClaimCategory = (typeof claimCategories)[number];

/** The flags order number patterns are compiled with: global, any case, Unicode. */
export const ORDER_NUMBER_FLAGS = 'giu';
/** Below this similarity a reply is not a near-copy of a marketing text. */
export const DEFAULT_MARKETING_COPY_THRESHOLD = 0.6;
/** A marketing text needs this many words to be recognized (see marketing-copy-rule.ts). */
export const MIN_MARKETING_COPY_WORDS = 6;

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const texts = (maxLength: number) => Type.Array(text(maxLength), { minItems: 1, maxItems: 500 });
const ruleFields = {
  /** Stable, so findings and reports can refer to it: lowercase letters, digits, '.', '-', '_'. */
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 80 }),
  severity: Type.Enum([...severities]),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
};
const closed = { additionalProperties: false } as const;

/**
 * Replies must say the author works for the organization. The rule applies to a reply
 * when every scope it names matches: its network is one of `networks` and one of its
 * topics is in `topics`; a scope left out matches every reply.
 */
export const DisclosureRuleSchema = Type.Object({
  kind: Type.Literal('disclosure'), ...ruleFields,
  networks: Type.Optional(texts(40)),
  topics: Type.Optional(texts(80)),
  /** Any of these counts as disclosure, e.g. "I work at Acme", "#AcmeTeam". */
  phrases: texts(200),
  /** What to add when none is there, e.g. "(I work at Acme)". */
  suggestion: text(200),
}, closed);

/** Personal data in public replies; what each detector finds is described in personal-data-rule.ts. */
export const PersonalDataRuleSchema = Type.Object({
  kind: Type.Literal('personal-data'), ...ruleFields,
  detect: Type.Array(Type.Enum([...personalDataKinds]), { minItems: 1, uniqueItems: true }),
  /** The organization's order numbers, as a JavaScript regular expression (flags i and u), e.g. "\\bAC-\\d{6}\\b". */
  orderNumberPattern: Type.Optional(text(200)),
  /** The organization's own public contacts, which are not personal data: e-mail addresses, phone numbers, or domains for every address at them. */
  publicContacts: Type.Optional(texts(200)),
}, closed);

/** Names that must not be said in public, such as project code names; whole words, without case or accents. */
export const ConfidentialTermsRuleSchema = Type.Object({
  kind: Type.Literal('confidential-terms'), ...ruleFields,
  terms: texts(200),
}, closed);

export const ForbiddenClaimsRuleSchema = Type.Object({
  kind: Type.Literal('forbidden-claims'), ...ruleFields,
  /** A phrase may end with `*` to match any word starting so ("guarantee*": guarantee, guaranteed...). */
  claims: Type.Array(Type.Object({ phrase: text(200), category: Type.Enum([...claimCategories]), why: text(500) }, closed), { minItems: 1, maxItems: 500 }),
}, closed);

/** Profanity and insults: a built-in list (profanity-words.ts), plus extraWords, minus allowWords; single words, `*` at the end for a prefix. */
export const ProfanityRuleSchema = Type.Object({
  kind: Type.Literal('profanity'), ...ruleFields,
  extraWords: Type.Optional(texts(60)),
  allowWords: Type.Optional(texts(60)),
}, closed);

/** Links may go only to these domains and their subdomains; an empty list allows no links. */
export const LinkAllowListRuleSchema = Type.Object({
  kind: Type.Literal('link-allow-list'), ...ruleFields,
  allowedDomains: Type.Array(text(253), { maxItems: 500 }),
}, closed);

/** Replies must not be near-copies of these marketing texts (the "don't spam" rule). */
export const MarketingCopyRuleSchema = Type.Object({
  kind: Type.Literal('marketing-copy'), ...ruleFields,
  copies: Type.Array(Type.Object({ id: text(80), text: text(5000) }, closed), { minItems: 1, maxItems: 200 }),
  /** From 0 to 1: how much of the shorter text must be shared (default 0.6). */
  threshold: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
}, closed);

const ruleSchemas = {
  'disclosure': DisclosureRuleSchema,
  'personal-data': PersonalDataRuleSchema,
  'confidential-terms': ConfidentialTermsRuleSchema,
  'forbidden-claims': ForbiddenClaimsRuleSchema,
  'profanity': ProfanityRuleSchema,
  'link-allow-list': LinkAllowListRuleSchema,
  'marketing-copy': MarketingCopyRuleSchema,
} as const satisfies Record<string, TSchema>;

export const PolicyRuleSchema = Type.Union([
  DisclosureRuleSchema, PersonalDataRuleSchema, ConfidentialTermsRuleSchema, ForbiddenClaimsRuleSchema,
  ProfanityRuleSchema, LinkAllowListRuleSchema, MarketingCopyRuleSchema,
]);
export const PolicyRulesSchema = Type.Array(PolicyRuleSchema, { maxItems: 500 });

export type DisclosureRule = Static<typeof DisclosureRuleSchema>;
export type PersonalDataRule = Static<typeof PersonalDataRuleSchema>;
export type ConfidentialTermsRule = Static<typeof ConfidentialTermsRuleSchema>;
export type ForbiddenClaimsRule = Static<typeof ForbiddenClaimsRuleSchema>;
export type ProfanityRule = Static<typeof ProfanityRuleSchema>;
export type LinkAllowListRule = Static<typeof LinkAllowListRuleSchema>;
export type MarketingCopyRule = Static<typeof MarketingCopyRuleSchema>;
export type PolicyRule = Static<typeof PolicyRuleSchema>;
export type PolicyRuleKind = PolicyRule['kind'];

const ruleKinds = Object.keys(ruleSchemas) as PolicyRuleKind[];

/**
 * The rules in `raw` (a list), checked against their kind's schema and for what a
 * schema cannot say (unique ids, regular expressions that compile, phrases with words,
 * domains without scheme or path). Throws VALIDATION_FAILED listing every problem,
 * each named like `rules[2].orderNumberPattern`.
 */
export function parsePolicyRules(raw: unknown, where = 'rules'): PolicyRule[] {
  if (!Array.isArray(raw)) throw invalid([{ field: where, message: 'must be a list of rules' }]);
  const problems: FieldProblem[] = [];
  const rules: PolicyRule[] = [];
  const indexOfId = new Map<string, number>();
  raw.forEach((item: unknown, index) => {
    const field = `${where}[${index}]`;
    const parsed = parseRule(item, field);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      return;
    }
    const earlier = indexOfId.get(parsed.rule.id);
    if (earlier !== undefined) problems.push({ field: `${field}.id`, message: `"${parsed.rule.id}" is the id of ${where}[${earlier}] already` });
    else indexOfId.set(parsed.rule.id, index);
    rules.push(parsed.rule);
  });
  if (problems.length > 0) throw invalid(problems);
  return rules;
}

function parseRule(item: unknown, field: string): { rule: PolicyRule } | { problems: FieldProblem[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { problems: [{ field, message: 'must be an object' }] };
  const kind = (item as { kind?: unknown }).kind;
  if (!ruleKinds.includes(kind as PolicyRuleKind)) return { problems: [{ field: `${field}.kind`, message: `must be one of ${ruleKinds.join(', ')}` }] };
  let rule: PolicyRule;
  try {
    rule = parseWithSchema(ruleSchemas[kind as PolicyRuleKind], item) as PolicyRule;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { problems: (error.details as FieldProblem[]).map((problem) => ({ ...problem, field: renamedField(problem.field, field) })) };
  }
  const problems = meaningProblems(rule).map((problem) => ({ field: `${field}${problem.path}`, message: problem.message }));
  return problems.length > 0 ? { problems } : { rule };
}

/** parseWithSchema names fields `config.claims.0.phrase`; here that is `rules[2].claims[0].phrase`. */
function renamedField(configField: string, field: string): string {
  return field + configField.split('.').slice(1).map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('');
}

interface MeaningProblem { path: string; message: string }

/** What the schema cannot check; paths are relative to the rule, e.g. `.claims[0].phrase`. */
function meaningProblems(rule: PolicyRule): MeaningProblem[] {
  if (rule.id.startsWith('network-limit')) return [{ path: '.id', message: 'ids starting with "network-limit" are kept for the networks\' own limits' }];
  switch (rule.kind) {
    case 'disclosure': return problemsOf(rule.phrases, (index) => `.phrases[${index}]`, phraseProblem);
    case 'personal-data': return personalDataProblems(rule);
    case 'confidential-terms': return problemsOf(rule.terms, (index) => `.terms[${index}]`, phraseProblem);
    case 'forbidden-claims': return problemsOf(rule.claims.map((claim) => claim.phrase), (index) => `.claims[${index}].phrase`, phraseProblem);
    case 'profanity': return [
      ...problemsOf(rule.extraWords ?? [], (index) => `.extraWords[${index}]`, singleWordProblem),
      ...problemsOf(rule.allowWords ?? [], (index) => `.allowWords[${index}]`, singleWordProblem),
    ];
    case 'link-allow-list': return problemsOf(rule.allowedDomains, (index) => `.allowedDomains[${index}]`, domainProblem);
    case 'marketing-copy': return marketingCopyProblems(rule);
  }
}

/** The problems of a list's items, each at its own path. */
function problemsOf(items: readonly string[], pathOf: (index: number) => string, problemOf: (item: string) => string | undefined): MeaningProblem[] {
  return items.flatMap((item, index) => {
    const message = problemOf(item);
    return message === undefined ? [] : [{ path: pathOf(index), message }];
  });
}

/** A phrase needs a word to match, and may have `*` only at its end. */
function phraseProblem(phrase: string): string | undefined {
  if (readPhrase(phrase).words.length === 0) return 'must contain a letter or a digit';
  if (phrase.trim().slice(0, -1).includes('*')) return 'may end with * (any word starting so) but not contain it elsewhere';
  return undefined;
}

function singleWordProblem(word: string): string | undefined {
  return phraseProblem(word) ?? (readPhrase(word).words.length > 1 ? 'must be a single word' : undefined);
}

const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{0,62}$/u;

function domainProblem(domain: string): string | undefined {
  return DOMAIN.test(domain) ? undefined : 'must be a domain such as acme.example, without https:// or a path';
}

function personalDataProblems(rule: PersonalDataRule): MeaningProblem[] {
  const wantsOrderNumbers = rule.detect.includes('order-number');
  if (rule.orderNumberPattern === undefined) return wantsOrderNumbers ? [{ path: '.orderNumberPattern', message: 'is required to detect order numbers' }] : [];
  if (!wantsOrderNumbers) return [{ path: '.orderNumberPattern', message: 'is only used when detect includes "order-number"' }];
  let pattern: RegExp;
  try {
    pattern = new RegExp(rule.orderNumberPattern, ORDER_NUMBER_FLAGS);
  } catch (error) {
    return [{ path: '.orderNumberPattern', message: `is not a valid regular expression: ${(error as Error).message}` }];
  }
  return pattern.test('') ? [{ path: '.orderNumberPattern', message: 'must not match empty text' }] : [];
}

function marketingCopyProblems(rule: MarketingCopyRule): MeaningProblem[] {
  const seen = new Set<string>();
  return rule.copies.flatMap((copy, index) => {
    const problems: MeaningProblem[] = [];
    if (seen.has(copy.id)) problems.push({ path: `.copies[${index}].id`, message: `"${copy.id}" is used by another copy of this rule` });
    seen.add(copy.id);
    if (phraseWords(copy.text).length < MIN_MARKETING_COPY_WORDS) problems.push({ path: `.copies[${index}].text`, message: `must have at least ${MIN_MARKETING_COPY_WORDS} words` });
    return problems;
  });
}
