// Keyword rules: an organization's "if a post says X, it is category Y", which override
// the learned classifier. A keyword matches whole words only, ignoring case and accents
// ("Refund" matches "refund", "réfund" and "REFUND!", not "refunded"); a keyword of
// several words matches them in a row ("wrong size"). Rules are tried in order and the
// first that matches wins, so the order is the organization's priority.
import type { Prediction, TextClassifier } from './text-classifier.ts';
import { wordsOf } from './text-features.ts';

export interface KeywordRule {
  label: string;
  anyOf: string[];
}

export interface KeywordMatch {
  label: string;
  /** The rule's keyword that matched, as the rule wrote it. */
  keyword: string;
}

/** The first rule with a keyword in `text`, or null. Never throws. */
export function applyKeywordRules(text: string, rules: readonly KeywordRule[]): KeywordMatch | null {
  if (typeof text !== 'string' || rules.length === 0) return null;
  const haystack = ` ${wordsOf(text).join(' ')} `;
  for (const rule of rules) {
    for (const keyword of rule.anyOf) {
      const words = wordsOf(keyword);
      if (words.length > 0 && haystack.includes(` ${words.join(' ')} `)) return { label: rule.label, keyword };
    }
  }
  return null;
}

export interface RuledPrediction extends Prediction {
  /** 'rule' when a keyword rule decided the label, 'model' when the classifier did. */
  decidedBy: 'rule' | 'model';
}

/**
 * The classifier's prediction, unless a keyword rule matches: then the rule's label
 * with confidence 1 and the keyword as the one reason (the model's scores are kept, so
 * a person can still see what the model would have said).
 */
export function predictWithRules(classifier: TextClassifier, text: string, rules: readonly KeywordRule[]): RuledPrediction {
  const prediction = classifier.predict(text);
  const match = applyKeywordRules(text, rules);
  if (!match) return { ...prediction, decidedBy: 'model' };
  return { ...prediction, label: match.label, confidence: 1, reasons: [{ term: match.keyword, weight: 1 }], decidedBy: 'rule' };
}
