// What checking a reply against the policy produces, and the shape every rule's check
// has: a function of the reply, prepared once (folded, split into words) for all rules.
import type { PolicyRule, Severity } from './policy-rule.ts';
import { foldText, wordsOf, type FoldedText, type Word } from './text-folding.ts';

export interface ReplyContext {
  /** The network the reply goes to: mastodon, bluesky, x, linkedin, facebook, email... */
  network?: string;
  /** The topics of the conversation, for rules that apply to some topics only. */
  topics?: string[];
}

/** UTF-16 offsets into the reply's text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface PolicyFinding {
  ruleId: string;
  kind: PolicyRule['kind'] | 'network-limit';
  severity: Severity;
  /** Where in the text; null when the finding is about the whole reply (a missing disclosure). */
  span: Span | null;
  /** The text at the span. */
  match?: string;
  /** Why this breaks the policy. */
  message: string;
  /** How to fix it. */
  fix: string;
  /**
   * An edit the composer can apply: replace the text at `span` with `text` (an empty
   * span inserts, e.g. a disclosure at the end; empty text removes, e.g. a link).
   * The checks here always give a span; null would mean "append".
   */
  replacement?: { span: Span | null; text: string };
}

/** A reply as every rule's check reads it. */
export interface PreparedReply {
  text: string;
  context: ReplyContext;
  folded: FoldedText;
  words: Word[];
  /** What `find` finds in the text, found once for all the rules that ask with the same key. */
  shared<T>(key: string, find: (text: string) => T): T;
}

export type RuleCheck = (reply: PreparedReply) => PolicyFinding[];

export function prepareReply(text: string, context: ReplyContext): PreparedReply {
  const folded = foldText(text);
  const found = new Map<string, unknown>();
  const shared = <T>(key: string, find: (text: string) => T): T => {
    if (!found.has(key)) found.set(key, find(text));
    return found.get(key) as T;
  };
  return { text, context, folded, words: wordsOf(folded), shared };
}

/** A finding of `rule` at `span` of the reply (only its start and end are kept), with the matched text filled in. */
export function findingAt(rule: PolicyRule, reply: PreparedReply, span: Span, advice: { message: string; fix: string; replacement?: string }): PolicyFinding {
  const finding: PolicyFinding = {
    ruleId: rule.id, kind: rule.kind, severity: rule.severity, span: { start: span.start, end: span.end },
    match: reply.text.slice(span.start, span.end), message: advice.message, fix: advice.fix,
  };
  if (advice.replacement !== undefined) finding.replacement = { span: { start: span.start, end: span.end }, text: advice.replacement };
  return finding;
}
