// The server judges the person's words trimmed; the composer's box keeps what they
// typed, leading spaces and all. Findings are moved by those spaces so marks and fixes
// land on the right words.
import type { Finding, Span } from '../../../api/policy-findings.ts';

const shift = (span: Span | null, by: number): Span | null => (span ? { start: span.start + by, end: span.end + by } : null);

export function shiftedFindings(findings: readonly Finding[], text: string): Finding[] {
  const by = text.length - text.trimStart().length;
  if (by === 0) return [...findings];
  return findings.map((finding) => ({
    ...finding,
    span: shift(finding.span, by),
    ...(finding.replacement && { replacement: { ...finding.replacement, span: shift(finding.replacement.span, by) } }),
  }));
}
