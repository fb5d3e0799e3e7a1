// The listening query language: parsing Boolean queries (terms, phrases, AND/OR/NOT,
// NEAR, wildcards, hashtags, handles, field filters), tokenizing posts the same way,
// and matching posts against many topics at once. docs/listening-queries.md is the
// specification. Other code uses this file only.
export { parseQuery, MIN_WILDCARD_PREFIX } from './parse-query.ts';
export { QuerySyntaxError, type QueryProblem } from './query-syntax-error.ts';
export { printQuery } from './print-query.ts';
export type { QueryNode, PositionalNode, TextField } from './query-ast.ts';
export { compileTopics, type CompiledTopics, type TopicQuery } from './compile-topics.ts';
export { evaluateQuery, explainQuery, type QueryExplanation, type FoundTerm } from './evaluate-query.ts';
export { tokenizePost, type TokenizedPost, type MatchablePost } from './tokenized-post.ts';
export { normalizeText } from './tokenize.ts';
