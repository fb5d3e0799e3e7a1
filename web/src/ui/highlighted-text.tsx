// A text (a reply, a share) with parts marked: policy findings by severity, a reviewer's comment.
// Overlapping marks split the text at every edge and each piece takes the strongest
// tone covering it, so nothing is marked twice. Offsets are UTF-16, as the server's.
import type { Severity, Span } from '../api/policy-findings.ts';
import './marked-text.css';

export type HighlightTone = Severity | 'comment';

export interface Highlight {
  span: Span;
  tone: HighlightTone;
  /** Shown as the mark's tooltip, e.g. the finding's message. */
  title?: string;
}

const toneRank: Record<HighlightTone, number> = { info: 0, warn: 1, block: 2, comment: 3 };

interface Piece {
  start: number;
  text: string;
  highlight: Highlight | null;
}

export function piecesOf(text: string, highlights: readonly Highlight[]): Piece[] {
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), text.length);
  const marks = highlights
    .map((highlight) => ({ ...highlight, span: { start: clamp(highlight.span.start), end: clamp(highlight.span.end) } }))
    .filter((highlight) => highlight.span.end > highlight.span.start);
  const edges = [...new Set([0, text.length, ...marks.flatMap((mark) => [mark.span.start, mark.span.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let index = 0; index < edges.length - 1; index++) {
    const start = edges[index]!;
    const end = edges[index + 1]!;
    const covering = marks.filter((mark) => mark.span.start <= start && mark.span.end >= end);
    const strongest = covering.reduce<Highlight | null>((best, mark) => (!best || toneRank[mark.tone] > toneRank[best.tone] ? mark : best), null);
    pieces.push({ start, text: text.slice(start, end), highlight: strongest });
  }
  return pieces;
}

export function HighlightedText({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  return (
    <>
      {piecesOf(text, highlights).map((piece) => (piece.highlight
        ? <mark key={piece.start} className={`highlight highlight--${piece.highlight.tone}`} data-tone={piece.highlight.tone} title={piece.highlight.title}>{piece.text}</mark>
        : <span key={piece.start}>{piece.text}</span>))}
    </>
  );
}

/** The findings that point at a part of the text, as highlights. */
export const findingHighlights = (findings: readonly { span: Span | null; severity: Severity; message: string }[]): Highlight[] =>
  findings.flatMap((finding) => (finding.span ? [{ span: finding.span, tone: finding.severity, title: finding.message }] : []));

/** The offsets of the reader's selection inside `container`, when the selection lies wholly in it and is not empty. */
export function selectedSpanWithin(container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}
