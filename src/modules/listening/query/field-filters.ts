// Field filters (`author:`, `lang:`, `source:`, `site:`, `place:`, `followers:`):
// reading a filter's value when a query is parsed, and testing a post against it.
// Both evaluators use fieldFilterTest, so they cannot disagree about metadata.
import type { FieldNode, FollowersNode, TextField } from './query-ast.ts';
import { textFields } from './query-ast.ts';
import { NormalizedValues, normalizeAuthor, normalizeLang, normalizeSite, normalizeSource, placeWordsOf, type PostFields } from './tokenized-post.ts';

export const fieldNames = [...textFields, 'followers'] as const;
export type FieldName = (typeof fieldNames)[number];
export const isFieldName = (name: string): name is FieldName => (fieldNames as readonly string[]).includes(name);

/** Why a filter's value was refused: what would have been valid instead. */
export interface FieldValueProblem { expected: string }

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
const HOST = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*$/u;
const RANGE = /^\[\s*(\*|\d+)\s+TO\s+(\*|\d+)\s*\]$/;

/** The tree node for `name:value`, or what is wrong with the value. */
export function readFieldFilter(name: FieldName, value: string): FieldNode | FollowersNode | FieldValueProblem {
  if (name === 'followers') return readFollowersRange(value);
  const normalized = normalizeFieldValue(name, value);
  // A value of punctuation only normalizes to nothing, and could never match.
  if (normalized === '' || normalized.includes('"')) return { expected: 'letters or digits' };
  if (name === 'lang' && !LANGUAGE_TAG.test(normalized)) return { expected: 'a language code such as en or pt-br' };
  if (name === 'site' && !HOST.test(normalized)) return { expected: 'a domain such as acme.com' };
  return { kind: 'field', field: name, value: normalized };
}

function normalizeFieldValue(field: TextField, value: string): string {
  switch (field) {
    case 'author': return normalizeAuthor(value);
    case 'lang': return normalizeLang(value);
    case 'source': return normalizeSource(value);
    case 'site': return normalizeSite(value);
    case 'place': return placeWordsOf(value).join(' ');
  }
}

function readFollowersRange(value: string): FollowersNode | FieldValueProblem {
  const range = RANGE.exec(value);
  if (!range) return { expected: 'a range such as [1000 TO *] or [10 TO 500]' };
  const bound = (text: string) => (text === '*' ? null : Number(text));
  const min = bound(range[1]!);
  const max = bound(range[2]!);
  if (min !== null && max !== null && min > max) {
    return { expected: 'a range whose lower bound comes first' };
  }
  return { kind: 'followers', min, max };
}

/** A test of a post's metadata against one filter, with the filter's work done up front. */
export function fieldFilterTest(node: FieldNode | FollowersNode): (post: PostFields) => boolean {
  if (node.kind === 'followers') {
    const min = node.min ?? -Infinity;
    const max = node.max ?? Infinity;
    return (post) => post.followers !== undefined && post.followers >= min && post.followers <= max;
  }
  const value = node.value;
  switch (node.field) {
    case 'author': return (post) => post.normalizedAuthor() === value;
    case 'source': return (post) => post.normalizedSource() === value;
    case 'lang': {
      // `lang:en` takes every English (en-GB, en-US); `lang:en-gb` only British.
      const withRegion = `${value}-`;
      return (post) => {
        const lang = post.normalizedLang();
        return lang !== undefined && (lang === value || lang.startsWith(withRegion));
      };
    }
    case 'site': {
      // A domain and its subdomains: site:acme.com takes shop.acme.com, not notacme.com.
      const subdomainSuffix = `.${value}`;
      return (post) => {
        const host = post.siteHost();
        return host !== undefined && (host === value || host.endsWith(subdomainSuffix));
      };
    }
    case 'place': {
      const words = value.split(' ');
      return (post) => containsRun(post.placeWords(), words);
    }
  }
}

/** Whether `run` appears in `words` as consecutive words. */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    let i = 0;
    while (i < run.length && words[start + i] === run[i]) i++;
    if (i === run.length) return true;
  }
  return false;
}

// Field anchors: values that let the compiled matcher find topics by a post's
// metadata, as it finds them by words (topic-anchors.ts). A post offers every value a
// filter could match: `com`, `acme.com` and `shop.acme.com` for the site
// shop.acme.com; `en` and `en-gb` for the language en-GB; each word of its place.

/** The value a text filter is filed under; a place filter under its first word. */
export function fieldAnchorValue(node: FieldNode): string {
  return node.field === 'place' ? node.value.split(' ')[0]! : node.value;
}

/** Calls `visit` with each value of the post's `field` that a filter could be filed under. */
export function forEachFieldAnchorValue(post: PostFields, field: TextField, visit: (value: string) => void): void {
  switch (field) {
    case 'author': {
      const author = post.normalizedAuthor();
      if (author !== undefined) visit(author);
      return;
    }
    case 'source': {
      const source = post.normalizedSource();
      if (source !== undefined) visit(source);
      return;
    }
    case 'lang': {
      const lang = post.normalizedLang();
      if (lang !== undefined) visitEach(langAnchorValues.get(lang), visit);
      return;
    }
    case 'site': {
      const host = post.siteHost();
      if (host !== undefined) visitEach(siteAnchorValues.get(host), visit);
      return;
    }
    case 'place':
      visitEach(post.placeWords(), visit);
      return;
  }
}

function visitEach(values: readonly string[], visit: (value: string) => void): void {
  for (let i = 0; i < values.length; i++) visit(values[i]!);
}

/** "pt-br" → pt, pt-br. */
const langAnchorValues = new NormalizedValues((lang) => {
  const values: string[] = [];
  for (let end = lang.indexOf('-'); end !== -1; end = lang.indexOf('-', end + 1)) values.push(lang.slice(0, end));
  values.push(lang);
  return values;
});

/** "shop.acme.com" → shop.acme.com, acme.com, com. */
const siteAnchorValues = new NormalizedValues((host) => {
  const values = [host];
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) values.push(host.slice(dot + 1));
  return values;
});
