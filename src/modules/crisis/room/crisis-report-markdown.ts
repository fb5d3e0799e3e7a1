// The report as Markdown (CommonMark with pipe tables). People's texts are escaped so
// they stay text: no markup of theirs is interpreted, raw HTML included, and a line
// break or a pipe cannot break a table.
import type { Block, Cell } from './crisis-report-document.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Inline markup characters backslash-escaped (with brackets escaped no link or image can
 * form), HTML's special characters as entities, lines joined, and what would start a
 * heading or a list at the start of a line escaped too.
 */
export const escapeMarkdown = (text: string) => text
  .replace(/[&<>]/g, (char) => HTML_ESCAPES[char]!)
  .replace(/[\\`*_[\]|~]/g, '\\$&')
  .replace(/\s*\r?\n\s*/g, ' ')
  .replace(/^([#+-])/, '\\$1')
  .replace(/^(\d+)([.)])/, '$1\\$2');

// Inside a link's destination only these would end or break it.
const destination = (url: string) => url.replace(/[\s()<>\\]/g, encodeURIComponent);

const cell = (value: Cell) => (typeof value === 'string' ? escapeMarkdown(value) : `[${escapeMarkdown(value.text)}](${destination(value.href)})`);

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function block(item: Block): string {
  switch (item.kind) {
    case 'title': return `# ${escapeMarkdown(item.text)}`;
    case 'heading': return `## ${escapeMarkdown(item.text)}`;
    case 'paragraph': return escapeMarkdown(item.text);
    case 'facts': return [row(['', '']), row(['---', '---']), ...item.rows.map(([label, value]) => row([`**${escapeMarkdown(label)}**`, escapeMarkdown(value)]))].join('\n');
    case 'table': return [
      row(item.columns.map(escapeMarkdown)),
      row(item.columns.map((_, index) => (item.numeric?.includes(index) ? '---:' : '---'))),
      ...item.rows.map((cells) => row(cells.map(cell))),
    ].join('\n');
  }
}

export function renderReportMarkdown(blocks: Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
