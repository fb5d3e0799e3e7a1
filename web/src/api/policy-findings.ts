// What the social-media policy says about a text (a reply, a share), as the server's
// policy engine (src/modules/respond/policy) reports it. Several features show
// findings, so their shape and words live with the API contract.

export const severities = ['info', 'warn', 'block'] as const;
export type Severity = (typeof severities)[number];
export const severityLabels: Record<Severity, string> = { info: 'Note', warn: 'Check', block: 'Blocks sending' };

/** UTF-16 offsets into a text, end exclusive (what JavaScript's `slice` takes). */
export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  ruleId: string;
  kind: string;
  severity: Severity;
  /** Null: about the whole text (a missing disclosure). */
  span: Span | null;
  match?: string;
  message: string;
  fix: string;
  /** An edit the composer can apply: replace the text at `span` (append when null) with `text`. */
  replacement?: { span: Span | null; text: string };
}
