// Prints a query tree back as query text that parses to the same tree. Composite
// operands are always parenthesized and AND is always written out, so the printed
// form does not depend on precedence rules; it is for people and for round-trip tests.
import type { QueryNode } from './query-ast.ts';

export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return printToken(node.token);
    case 'prefix': return `${printToken(node.prefix)}*`;
    case 'phrase': return `"${node.tokens.map(printToken).join(' ')}"`;
    case 'and': return node.children.map(printOperand).join(' AND ');
    case 'or': return node.children.map(printOperand).join(' OR ');
    case 'not': return `NOT ${printOperand(node.child)}`;
    case 'near': return `${printOperand(node.left)} ${node.ordered ? 'ONEAR' : 'NEAR'}/${node.distance} ${printOperand(node.right)}`;
    case 'field': return `${node.field}:"${node.value}"`;
    case 'followers': return `followers:[${node.min ?? '*'} TO ${node.max ?? '*'}]`;
  }
}

const printOperand = (node: QueryNode) =>
  node.kind === 'and' || node.kind === 'or' || node.kind === 'near' ? `(${printQuery(node)})` : printQuery(node);

/** Only URL tokens contain "/"; they are kept without their scheme, so give one back. */
const printToken = (token: string) => (token.includes('/') ? `https://${token}` : token);
