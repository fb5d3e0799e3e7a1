// The tree a listening query parses into. Tokens in the tree are already normalized
// (see tokenize.ts), so evaluating a query never normalizes again.

export type QueryNode =
  | TermNode | PrefixNode | PhraseNode
  | AndNode | OrNode | NotNode | NearNode
  | FieldNode | FollowersNode;

/** One token: a word, the joined form of a compound, `#tag`, `@handle`, a URL or an emoji. */
export interface TermNode { readonly kind: 'term'; readonly token: string }
/** `refund*`: any token that starts with `prefix` (the prefix itself included). */
export interface PrefixNode { readonly kind: 'prefix'; readonly prefix: string }
/** `"refund please"`: two or more tokens at consecutive positions. */
export interface PhraseNode { readonly kind: 'phrase'; readonly tokens: readonly string[] }
export interface AndNode { readonly kind: 'and'; readonly children: readonly QueryNode[] }
export interface OrNode { readonly kind: 'or'; readonly children: readonly QueryNode[] }
export interface NotNode { readonly kind: 'not'; readonly child: QueryNode }
/**
 * `left NEAR/n right`: an occurrence of each at different places with at most n words
 * between them; `ONEAR/n` also wants left before right.
 */
export interface NearNode {
  readonly kind: 'near';
  readonly left: PositionalNode;
  readonly right: PositionalNode;
  readonly distance: number;
  readonly ordered: boolean;
}

export const textFields = ['author', 'lang', 'source', 'site', 'place'] as const;
export type TextField = (typeof textFields)[number];
/** `author:NAME`, `lang:xx`, ...: `value` is normalized the way field-filters.ts says. */
export interface FieldNode { readonly kind: 'field'; readonly field: TextField; readonly value: string }
/** `followers:[min TO max]`, bounds included; null is `*`. */
export interface FollowersNode { readonly kind: 'followers'; readonly min: number | null; readonly max: number | null }

/** What NEAR can measure distances between: things found at positions in the text. */
export type PositionalNode = TermNode | PrefixNode | PhraseNode | PositionalOrNode;
export interface PositionalOrNode { readonly kind: 'or'; readonly children: readonly PositionalNode[] }

export function isPositional(node: QueryNode): node is PositionalNode {
  switch (node.kind) {
    case 'term': case 'prefix': case 'phrase': return true;
    case 'or': return node.children.every(isPositional);
    default: return false;
  }
}
