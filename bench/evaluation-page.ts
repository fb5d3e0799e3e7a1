// docs/evaluation.md holds one part per evaluation between markers, so each evaluation
// (`npm run eval:*`) rewrites its own part and leaves the others as they are.

const begin = (name: string) => `<!-- evaluation: ${name} -->`;
const end = (name: string) => `<!-- end of evaluation: ${name} -->`;

/** The page with the named part replaced by `part` (appended when the page has none yet). */
export function withEvaluationPart(page: string, name: string, part: string): string {
  const framed = `${begin(name)}\n${part.trim()}\n${end(name)}`;
  const start = page.indexOf(begin(name));
  const stop = page.indexOf(end(name));
  if (start === -1 || stop === -1) return `${page.trimEnd()}\n\n${framed}\n`;
  return `${page.slice(0, start)}${framed}${page.slice(stop + end(name).length)}`;
}
