// One post's triage, pure: language, sentiment, category, urgency, place, spam and the
// near-duplicate fingerprint. The pipeline (enrich-mentions.ts) and `herd triage` both
// call this; what differs is only where the models and the places come from.
import { applyKeywordRules, predictWithRules, type KeywordRule, type Reason, type TextClassifier } from './classifier/index.ts';
import { detectLanguage, type LanguageResult } from './language.ts';
import { simhash } from './near-duplicates.ts';
import type { PlaceMatch, PlaceMatcher } from './place-matcher.ts';
import { analyzeSentiment, type SentimentLabel, type SentimentReason } from './sentiment/analyze-sentiment.ts';
import { spamSignals, type SpamVerdict } from './spam-signals.ts';
import { scoreUrgency, type Urgency } from './urgency.ts';

export interface PostToTriage {
  text: string;
  /** The language the network or sender declared, if any. */
  lang?: string | null;
  /** Languages to fall back on for short posts: the author's, then the source's. */
  fallbackLanguages?: string[];
  followers?: number | null;
  threadMentionsLastHour?: number;
}

export interface TriageModels {
  /** The organization's category classifier; null before it has learned anything. */
  category: TextClassifier | null;
  /** Keyword rules that override it (label = category). */
  keywordRules: readonly KeywordRule[];
  /** A trained sentiment model to use instead of the lexicon (labels negative, neutral, positive). */
  sentiment?: TextClassifier | null;
  places: PlaceMatcher | null;
  /** Category names by id, so what triage tells others names the category. */
  categoryNames?: ReadonlyMap<string, string>;
}

export interface CategoryVerdict { label: string; confidence: number; reasons: Reason[]; decidedBy: 'rule' | 'model' }
export interface SentimentVerdict { label: SentimentLabel; score: number; confidence: number; reasons: SentimentReason[] }

export interface TriageResult {
  language: LanguageResult;
  sentiment: SentimentVerdict;
  category: CategoryVerdict | null;
  urgency: Urgency;
  place: PlaceMatch | null;
  spam: SpamVerdict;
  /** SimHash of the text, null when it has no words. */
  fingerprint: bigint | null;
}

/** Sentiment from a trained model: the label it prefers, and P(positive) − P(negative) as the score. */
function modelSentiment(model: TextClassifier, text: string): SentimentVerdict {
  const prediction = model.predict(text);
  const label = (prediction.label ?? 'neutral') as SentimentLabel;
  const score = (prediction.scores.positive ?? 0) - (prediction.scores.negative ?? 0);
  return { label, score, confidence: prediction.confidence, reasons: prediction.reasons };
}

function categoryOf(models: TriageModels, text: string): CategoryVerdict | null {
  if (!models.category) {
    // Before the model has learned anything, keyword rules alone decide.
    const match = applyKeywordRules(text, models.keywordRules);
    return match ? { label: match.label, confidence: 1, reasons: [{ term: match.keyword, weight: 1 }], decidedBy: 'rule' } : null;
  }
  const prediction = predictWithRules(models.category, text, models.keywordRules);
  return prediction.label === null ? null
    : { label: prediction.label, confidence: prediction.confidence, reasons: prediction.reasons, decidedBy: prediction.decidedBy };
}

export function triagePost(post: PostToTriage, models: TriageModels): TriageResult {
  const text = typeof post.text === 'string' ? post.text : '';
  const fallback = [post.lang, ...(post.fallbackLanguages ?? [])].filter((code): code is string => Boolean(code));
  const language = detectLanguage(text, { fallback });
  const sentiment = models.sentiment ? modelSentiment(models.sentiment, text) : analyzeSentiment(text, { language: language.language });
  return {
    language,
    sentiment: { label: sentiment.label, score: sentiment.score, confidence: sentiment.confidence, reasons: sentiment.reasons },
    category: categoryOf(models, text),
    urgency: scoreUrgency({ text, sentiment: sentiment.score, followers: post.followers ?? null, threadMentionsLastHour: post.threadMentionsLastHour ?? 1 }),
    place: models.places?.match(text) ?? null,
    spam: spamSignals(text),
    fingerprint: simhash(text),
  };
}
