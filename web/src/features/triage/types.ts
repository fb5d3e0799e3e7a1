// The shapes of the triage API: categories and their examples, the category model,
// and what triage decided about each mention.

export interface Category {
  id: string;
  name: string;
  description: string | null;
  /** Words or phrases that decide this category whatever the model says. */
  keywords: string[];
  position: number;
  /** How many labeled examples it has. */
  examples: number;
  createdAt: string;
  updatedAt: string;
}

/** Without a position it is 0; categories of equal position are listed by name. */
export type CategoryInput = Pick<Category, 'name' | 'description' | 'keywords'> & { position?: number };

export const exampleOrigins = ['manual', 'imported', 'corrected', 'resolved', 'rerouted'] as const;
export type ExampleOrigin = (typeof exampleOrigins)[number];
export const exampleOriginLabels: Record<ExampleOrigin, string> = {
  manual: 'Typed in',
  imported: 'Imported',
  corrected: 'Corrected',
  resolved: 'Resolved',
  rerouted: 'Rerouted',
};

export interface Example {
  id: string;
  text: string;
  origin: ExampleOrigin;
  /** The mention it was labeled from, for corrections and outcomes. */
  mentionId: string | null;
  createdAt: string;
  /** When the model learned it; null while it waits for the next learning round. */
  learnedAt: string | null;
}

export interface CategoryModelStatus {
  model: { version: number; examples: number; trainedAt: string } | null;
  accuracyByDay: AccuracyDay[];
}

export interface AccuracyDay {
  /** "YYYY-MM-DD", a UTC day. */
  day: string;
  /** Labels the model predicted before learning them, and how many it got right. */
  tested: number;
  correct: number;
  examples: number;
  accuracy: number | null;
}

export interface Weighted {
  term: string;
  weight: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type CategoryDecider = 'model' | 'rule' | 'person';

export interface MentionTriage {
  mentionId: string;
  language: string | null;
  languageConfidence: number;
  sentiment: { label: SentimentLabel; score: number; confidence: number; reasons: Weighted[] };
  category: { id: string; name: string; confidence: number; reasons: Weighted[]; decidedBy: CategoryDecider } | null;
  urgency: { score: number; reasons: string[] };
  place: { spokeId: string; name: string; matched: string; confidence: number } | null;
  spam: { spam: boolean; reasons: string[] };
  duplicates: { firstMentionId: string; groupSize: number } | null;
  triagedAt: string;
}
