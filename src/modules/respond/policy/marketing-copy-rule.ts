// The "don't spam" rule: a reply must not be a near-copy of the organization's
// marketing texts. Texts are compared by their word 3-grams (shingles): similarity is
// the share of the shorter text's shingles the other text has too (the overlap
// coefficient), so both pasting a whole ad with a greeting around it and pasting half
// of it count. A few shared shingles are needed as well, so a stock phrase that both
// share ("thanks for reaching out") is not a copy.
import { DEFAULT_MARKETING_COPY_THRESHOLD, type MarketingCopyRule } from './policy-rule.ts';
import { findingAt, type RuleCheck } from './policy-finding.ts';
import { phraseWords, type Word } from './text-folding.ts';

const SHINGLE_WORDS = 3;
/** Fewer shared shingles than this is a shared phrase, not a copy. */
const MIN_SHARED_SHINGLES = 4;

const shingleAt = (words: readonly string[], at: number) => words.slice(at, at + SHINGLE_WORDS).join(' ');

function shinglesOf(words: readonly string[]): string[] {
  return Array.from({ length: Math.max(0, words.length - SHINGLE_WORDS + 1) }, (_, at) => shingleAt(words, at));
}

export function compileMarketingCopyRule(rule: MarketingCopyRule): RuleCheck {
  const threshold = rule.threshold ?? DEFAULT_MARKETING_COPY_THRESHOLD;
  const copies = rule.copies.map((copy) => ({ id: copy.id, shingles: new Set(shinglesOf(phraseWords(copy.text))) }));
  return (reply) => {
    const replyShingles = reply.shared('shingles', () => shinglesOf(reply.words.map((word) => word.text)));
    const distinct = new Set(replyShingles).size;
    return copies.flatMap((copy) => {
      const shared = sharedShingles(replyShingles, copy.shingles);
      const similarity = shared.count / Math.min(distinct, copy.shingles.size);
      if (shared.count < MIN_SHARED_SHINGLES || similarity < threshold) return [];
      const span = spanOfShingles(reply.words, shared.first, shared.last);
      return [findingAt(rule, reply, span, {
        message: `This is ${Math.round(similarity * 100)}% the same as the marketing text "${copy.id}"; copied replies read as spam.`,
        fix: 'Say it in your own words.',
      })];
    });
  };
}

/** How many distinct shingles of the reply the copy has, and where the first and last of them start. */
function sharedShingles(replyShingles: readonly string[], copy: ReadonlySet<string>): { count: number; first: number; last: number } {
  const seen = new Set<string>();
  let first = -1;
  let last = -1;
  replyShingles.forEach((shingle, at) => {
    if (!copy.has(shingle)) return;
    if (first === -1) first = at;
    last = at;
    seen.add(shingle);
  });
  return { count: seen.size, first, last };
}

function spanOfShingles(words: readonly Word[], first: number, last: number) {
  return { start: words[first]!.start, end: words[last + SHINGLE_WORDS - 1]!.end };
}
