// The learning classifier of triage: categories and trainable sentiment from labeled
// posts, with keyword rules that override it, and the metrics it is evaluated by.
export {
  createClassifier,
  TextClassifier,
  DEFAULT_CLASSIFIER_OPTIONS,
  type ClassifierOptions,
  type LabeledText,
  type Prediction,
  type Reason,
  type SerializedClassifier,
} from './text-classifier.ts';
export { applyKeywordRules, predictWithRules, type KeywordRule, type KeywordMatch, type RuledPrediction } from './keyword-rules.ts';
export { foldText, wordsOf, textFeatures, hashChars, MAX_TEXT_CHARS } from './text-features.ts';
export { accuracy, expectedCalibrationError, macroF1, macroRecall, perLabelScores, stratifiedKFold, stratifiedSample, type Fold } from './evaluation-metrics.ts';
