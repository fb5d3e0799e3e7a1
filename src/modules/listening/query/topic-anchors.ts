// Anchors: for each query, a few tokens (or metadata values) such that any post the
// query matches has at least one of them. The compiled matcher files each topic under its anchors, and per
// post evaluates only the topics filed under the post's tokens. Choosing rare anchors
// is what makes that fast: a topic anchored on "the" would be evaluated for every post.
import { fieldAnchorValue } from './field-filters.ts';
import type { QueryNode, TextField } from './query-ast.ts';

/** A post token; the start of the tokens a wildcard wants; or a value of the post's metadata (see field-filters.ts). */
export type Anchor =
  | { kind: 'token'; token: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'field'; field: TextField; value: string };

/** The matcher indexes wildcards by this many first characters; parse-query.ts requires as many. */
export const PREFIX_KEY_LENGTH = 3;

/** A choice of anchors, with the rough number of posts it would let through. */
interface AnchorChoice { anchors: Anchor[]; cost: number }

/**
 * The anchors of a query, or null when it can match a post without any of them (a
 * query that only excludes, or only filters followers): such topics are checked for
 * every post.
 */
export function anchorsOf(node: QueryNode): Anchor[] | null {
  return chooseAnchors(node)?.anchors ?? null;
}

function chooseAnchors(node: QueryNode): AnchorChoice | null {
  switch (node.kind) {
    case 'term': return { anchors: [{ kind: 'token', token: node.token }], cost: tokenCost(node.token) };
    case 'prefix':
      if (node.prefix.length < PREFIX_KEY_LENGTH) return null;
      return { anchors: [{ kind: 'prefix', prefix: node.prefix }], cost: prefixCost(node.prefix) };
    case 'phrase': {
      // Every word of a phrase must be there; the rarest one is enough to look for.
      const rarest = node.tokens.reduce((best, token) => (tokenCost(token) < tokenCost(best) ? token : best));
      return { anchors: [{ kind: 'token', token: rarest }], cost: tokenCost(rarest) };
    }
    case 'and': return cheapest(node.children.map(chooseAnchors));
    case 'near': return cheapest([chooseAnchors(node.left), chooseAnchors(node.right)]);
    case 'or': {
      // Any operand may be the one that matches, so each needs anchors, and all count.
      const choices = node.children.map(chooseAnchors);
      if (choices.some((choice) => choice === null)) return null;
      return { anchors: choices.flatMap((choice) => choice!.anchors), cost: choices.reduce((sum, choice) => sum + choice!.cost, 0) };
    }
    case 'field': return { anchors: [{ kind: 'field', field: node.field, value: fieldAnchorValue(node) }], cost: FIELD_COST[node.field] };
    case 'not': case 'followers': return null;
  }
}

/** Of operands that must all match, the one with the cheapest anchors will do. */
function cheapest(choices: (AnchorChoice | null)[]): AnchorChoice | null {
  let best: AnchorChoice | null = null;
  for (const choice of choices) if (choice !== null && (best === null || choice.cost < best.cost)) best = choice;
  return best;
}

/**
 * How often a token might appear, roughly, without statistics: very common words are
 * expensive, the everyday words of posts about brands fairly so, short tokens too,
 * long ones cheap. Good enough to prefer "acme" to "the" in `the AND acme`, and a
 * brand to "delivery" in `acmecorp* (late OR delivery)`.
 */
function tokenCost(token: string): number {
  if (COMMON_WORDS.has(token)) return 100;
  if (CUSTOMER_WORDS.has(token)) return 10;
  return token.length <= 2 ? 20 : token.length === 3 ? 5 : token.length === 4 ? 3 : token.length === 5 ? 2 : 1;
}

/**
 * A wildcard lets through every token that starts with its prefix: many for `ref*`,
 * few for `vertexa*`. From five letters on a prefix is mostly a stem and its endings
 * (`globex*`: globex, globexs, globexapp), about twice the word; and never less than
 * twice what the stem costs as a word, so `refund*` stays a poor anchor.
 */
function prefixCost(prefix: string): number {
  const stem = prefix.replace(/^[#@]/, '');
  const letters = stem.length;
  const byLength = letters <= 3 ? 30 : letters === 4 ? 10 : letters === 5 ? 4 : 2;
  return Math.max(byLength, 2 * tokenCost(stem));
}

/** Many posts share a language or a source; few share an author or a site. */
const FIELD_COST: Record<TextField, number> = { author: 2, site: 2, place: 5, lang: 40, source: 40 };

const COMMON_WORDS = new Set(`
a about after again all also am an and any are as at be because been before being but by can
could did do does dont for from get got had has have he her here him his how i if im in into is
it its just know like make me more most my new no not now of on one only or other our out over
people really see she so some than that the their them then there these they this time to too up
us very was we were what when where which who why will with would you your
de la le les des et en un une est pas que qui du au il elle je
der die das und ist nicht ein eine zu den mit von
el los las y es no por con para una
`.trim().split(/\s+/));

/** Words that fill posts about brands: poor anchors, though long and not stop words. */
const CUSTOMER_WORDS = new Set(`
account app bad best buy card cancel customer deal deliver delivery down fast free great help
issue late love money never order package paid pay phone price problem product quality refund
return review sale service shipping slow support thanks today update waiting worst
`.trim().split(/\s+/));
