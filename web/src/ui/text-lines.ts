// Lists typed into one text box: one item a line (or also split at commas), trimmed,
// blanks and repeats dropped; and back to text for editing.

/** The items of a multi-line field; with `commas`, "a, b" counts as two items too. */
export function linesOf(text: string, { commas = false } = {}): string[] {
  const parts = text.split(commas ? /[\n,]/ : /\n/).map((part) => part.trim()).filter(Boolean);
  return [...new Set(parts)];
}

export const textOfLines = (items: readonly string[]) => items.join('\n');
