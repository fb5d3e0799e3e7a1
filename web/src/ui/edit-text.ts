// The edits a composer makes for the person: applying a finding's suggested fix, and
// putting a starting text (a saved reply) where the caret is. Pure, on UTF-16 offsets,
// but for placing the caret afterwards.
import type { Finding, Span } from '../api/policy-findings.ts';

/** The text with the finding's replacement applied: at its span, or appended when it has none. */
export function applyFix(text: string, finding: Finding): string {
  const replacement = finding.replacement;
  if (!replacement) return text;
  if (!replacement.span) return `${text}${replacement.text}`;
  return `${text.slice(0, replacement.span.start)}${replacement.text}${text.slice(replacement.span.end)}`;
}

/** The text with the finding's fix applied, and where the caret goes: just after the replacement. */
export function withFixApplied(text: string, finding: Finding): { text: string; caret: number } {
  const fixed = applyFix(text, finding);
  const span = finding.replacement?.span;
  return { text: fixed, caret: span ? span.start + finding.replacement!.text.length : fixed.length };
}

/** Focuses the textarea with the caret at `caret`, once React has put the new text in it. */
export function placeCaret(textarea: { readonly current: HTMLTextAreaElement | null }, caret: number): void {
  requestAnimationFrame(() => {
    textarea.current?.focus();
    textarea.current?.setSelectionRange(caret, caret);
  });
}

/** The text with `inserted` in place of the selection (or at the caret), and where the caret goes after it. */
export function insertAt(text: string, selection: Span, inserted: string): { text: string; caret: number } {
  const start = Math.min(selection.start, text.length);
  const end = Math.min(Math.max(selection.end, start), text.length);
  const before = text.slice(0, start);
  const after = text.slice(end);
  // Keep words apart when dropping text into the middle of a sentence.
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^\s/.test(after) ? ' ' : '';
  const piece = `${lead}${inserted}${trail}`;
  return { text: `${before}${piece}${after}`, caret: before.length + piece.length };
}
