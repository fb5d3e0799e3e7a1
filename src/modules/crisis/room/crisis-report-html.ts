// The report as one self-contained HTML page: inline CSS, no script, no outside
// resource, printable (tables keep their rows whole across pages). Every text is
// escaped: titles, notes and replies are typed by people.
import type { Block, Cell } from './crisis-report-document.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
  th, td { border: 1px solid #d4d4d4; padding: .3rem .5rem; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
  th { background: #f2f2f2; }
  td.number { text-align: right; font-variant-numeric: tabular-nums; }
  table.facts th { width: 14rem; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } a { color: inherit; } }
`;

const cell = (value: Cell) => (typeof value === 'string' ? escapeHtml(value) : `<a href="${escapeHtml(value.href)}" rel="noopener noreferrer">${escapeHtml(value.text)}</a>`);

function block(item: Block): string {
  switch (item.kind) {
    case 'title': return `<h1>${escapeHtml(item.text)}</h1>`;
    case 'heading': return `<h2>${escapeHtml(item.text)}</h2>`;
    case 'paragraph': return `<p>${escapeHtml(item.text)}</p>`;
    case 'facts': return `<table class="facts">${item.rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
    case 'table': return [
      '<table>',
      `<thead><tr>${item.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`,
      `<tbody>${item.rows.map((row) => `<tr>${row.map((value, index) => `<td${item.numeric?.includes(index) ? ' class="number"' : ''}>${cell(value)}</td>`).join('')}</tr>`).join('\n')}</tbody>`,
      '</table>',
    ].join('\n');
  }
}

export function renderReportHtml(blocks: Block[]): string {
  const title = blocks.find((item) => item.kind === 'title')?.text ?? 'Crisis report';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${blocks.map(block).join('\n')}
</body>
</html>
`;
}
