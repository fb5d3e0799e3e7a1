// Marks the terms a topic matched inside a mention's text, ignoring case.
// Wildcards (`refund*`) match the rest of the word; quotes around phrases are dropped.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(term: string): string | null {
  const bare = term.trim().replace(/^"(.*)"$/, '$1');
  if (bare === '') return null;
  return bare.endsWith('*') ? `${escape(bare.slice(0, -1))}[\\p{L}\\p{N}_]*` : escape(bare);
}

export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const patterns = [...new Set(terms)].sort((a, b) => b.length - a.length).map(patternOf).filter((p): p is string => p !== null);
  if (patterns.length === 0) return <>{text}</>;
  // With one capturing group, split puts the matches at the odd indexes.
  const parts = text.split(new RegExp(`(${patterns.join('|')})`, 'giu'));
  return <>{parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}</>;
}
