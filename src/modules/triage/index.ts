// Triage: what each mention is (language, sentiment, category, urgency, store, spam)
// and which mentions are copies of each other, so routing can send it to the right
// people. The category classifier learns from the organization's labels and outcomes.
export { triageModule } from './triage.module.ts';
export { recordCategoryOutcome, learnCategories } from './category-learning.ts';
export { enrichMentions } from './enrich-mentions.ts';
export { createCategory, addExamples } from './categories.ts';
export { triagePost, type PostToTriage, type TriageModels, type TriageResult, type CategoryVerdict, type SentimentVerdict } from './triage-post.ts';
export { PlaceMatcher, type StorePlace, type PlaceMatch } from './place-matcher.ts';
export { simhash, hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE } from './near-duplicates.ts';
export { DuplicateGrouper, type DuplicateGrouperOptions } from './duplicate-grouper.ts';
export { createClassifier, TextClassifier, type LabeledText, type SerializedClassifier, type KeywordRule } from './classifier/index.ts';
export { analyzeSentiment, type SentimentResult, type SentimentLabel } from './sentiment/analyze-sentiment.ts';
export { detectLanguage, type LanguageResult } from './language.ts';
export { mentionsTriaged, TriagedMention } from './triage.events.ts';
export { triagedMentionsOf } from './triage-verdicts.ts';
export { triageOfMentions, type MentionTriageView } from './mention-triage-view.ts';
export { topicSentimentSeries, type SentimentBucket, type SeriesWindow } from './topic-sentiment-series.ts';
export { triageJobs } from './triage.jobs.ts';
