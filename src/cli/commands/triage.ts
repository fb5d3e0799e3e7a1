// `herd triage [--model FILE] [--stores FILE]`: triages posts without a database, so any
// data set can be run through the same code as the app's pipeline (triagePost) from
// outside it. Posts are JSON lines on the input (`{"id", "text", "lang"?, "author"?,
// "followers"?}`); each gets one JSON line on the output with its language, sentiment,
// category, urgency, store, near-duplicate group and spam flag. Models are files written
// by `herd triage train` (triage-train.ts).
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../errors.ts';
import {
  DuplicateGrouper,
  PlaceMatcher,
  TextClassifier,
  triagePost,
  type PostToTriage,
  type SerializedClassifier,
  type StorePlace,
  type TriageModels,
  type TriageResult,
} from '../../modules/triage/index.ts';
import { answerJsonLines, exitQuietlyWhenStdoutCloses, parseJsonObject } from '../json-lines.ts';

export const TRIAGE_MODEL_FORMAT = 'herd-triage-model';
export const TRIAGE_MODEL_VERSION = 1;
/** A model with exactly these labels is a sentiment model; any other is a category model. */
export const SENTIMENT_LABELS: readonly string[] = ['negative', 'neutral', 'positive'];

/** What `herd triage train` writes and `herd triage --model` reads. */
export interface TriageModelFile {
  format: typeof TRIAGE_MODEL_FORMAT;
  version: typeof TRIAGE_MODEL_VERSION;
  purpose: 'sentiment' | 'category';
  labels: string[];
  examples: number;
  trainedAt: string;
  classifier: SerializedClassifier;
}

export function isSentimentLabels(labels: readonly string[]): boolean {
  return labels.length === SENTIMENT_LABELS.length && SENTIMENT_LABELS.every((label) => labels.includes(label));
}

export interface TriageCommandOptions {
  /** Model files from `herd triage train`: at most one sentiment and one category model. */
  model?: string[];
  /** A JSON array of stores ({spokeId, name, aliases, address, city}) to recognize. */
  stores?: string;
}

/**
 * The command: models and stores from files, posts from stdin, answers on stdout and a
 * one-line summary on stderr. A model or stores file that cannot be used is an AppError
 * naming the file, which the CLI prints before exiting 1, before any post is read.
 */
export async function triageCommand(options: TriageCommandOptions): Promise<void> {
  const models: TriageModels = { category: null, sentiment: null, keywordRules: [], places: null };
  const loaded = new Map<'sentiment' | 'category', string>();
  for (const path of options.model ?? []) {
    const { purpose, classifier } = readTriageModel(path, await readText(path, 'model file'));
    const earlier = loaded.get(purpose);
    if (earlier) throw new AppError('BAD_REQUEST', `two ${purpose} models given (${earlier} and ${path}); give at most one of each`);
    loaded.set(purpose, path);
    models[purpose] = classifier;
  }
  if (options.stores) models.places = new PlaceMatcher(readStoresFile(options.stores, await readText(options.stores, 'stores file')));
  exitQuietlyWhenStdoutCloses();
  const report = await triageStream(models, process.stdin, process.stdout);
  const bad = report.invalidLines > 0 ? `; ${report.invalidLines} bad line(s) answered with {"line", "error"}` : '';
  const using = [...loaded].map(([purpose, path]) => `${purpose} model ${path}`).join(', ') || 'no model';
  process.stderr.write(`herd: triaged ${report.posts} post(s) with ${using}; ${report.duplicates} joined an earlier post's duplicate group; `
    + `${report.spam} look like spam${bad}\n`);
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
}

/** A model file's classifier and what it is for; an AppError naming the file when it is not a usable model. */
export function readTriageModel(path: string, text: string): { purpose: 'sentiment' | 'category'; classifier: TextClassifier } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('BAD_REQUEST', `the model file ${path} is not JSON: ${(error as Error).message}`);
  }
  const file = (typeof value === 'object' && value !== null ? value : {}) as Partial<TriageModelFile>;
  if (file.format !== TRIAGE_MODEL_FORMAT) {
    throw new AppError('BAD_REQUEST', `${path} is not a Herd triage model (no "format": "${TRIAGE_MODEL_FORMAT}"); make one with herd triage train`);
  }
  if (file.version !== TRIAGE_MODEL_VERSION) {
    throw new AppError('BAD_REQUEST', `${path} is a version ${String(file.version)} triage model; this herd reads version ${TRIAGE_MODEL_VERSION}`);
  }
  let classifier: TextClassifier;
  try {
    classifier = TextClassifier.fromJSON(file.classifier);
  } catch (error) {
    throw new AppError('BAD_REQUEST', `the model file ${path} is damaged: ${(error as Error).message}`);
  }
  if (classifier.labels.length < 2) throw new AppError('BAD_REQUEST', `the model file ${path} has fewer than 2 labels`);
  return { purpose: isSentimentLabels(classifier.labels) ? 'sentiment' : 'category', classifier };
}

/** The stores of a stores file: a JSON array of {spokeId, name, aliases?, address?, city?}. */
export function readStoresFile(path: string, text: string): StorePlace[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('BAD_REQUEST', `the stores file ${path} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new AppError('BAD_REQUEST', `the stores file ${path} must hold a JSON array of stores`);
  const isText = (field: unknown) => typeof field === 'string' && field.trim() !== '';
  const optionalText = (field: unknown) => field === undefined || field === null || typeof field === 'string';
  return value.map((item: unknown, index): StorePlace => {
    const store = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const aliases = store.aliases ?? [];
    if (!isText(store.spokeId) || !isText(store.name) || !optionalText(store.address) || !optionalText(store.city)
      || !Array.isArray(aliases) || !aliases.every((alias) => typeof alias === 'string')) {
      throw new AppError('BAD_REQUEST', `the stores file ${path}, store ${index + 1}: expected {"spokeId", "name", "aliases"?: [text], "address"?, "city"?}`);
    }
    return {
      spokeId: store.spokeId as string,
      name: store.name as string,
      aliases: aliases as string[],
      address: (store.address as string | null | undefined) ?? null,
      city: (store.city as string | null | undefined) ?? null,
    };
  });
}

export interface TriageReport {
  /** Lines read as posts (blank lines are not counted). */
  posts: number;
  /** Posts that joined the duplicate group of an earlier post. */
  duplicates: number;
  /** Posts flagged as spam. */
  spam: number;
  /** Lines answered with `{"line", "error"}` instead. */
  invalidLines: number;
}

type PostId = string | number;

/**
 * Triages every JSON line of `input`, writing one JSON line per post to `output`, in
 * order. A bad line is answered with `{"line": N, "error": "..."}` and triage goes on.
 * Near-duplicate groups span the whole input (the last 100,000 distinct fingerprints).
 */
export async function triageStream(models: TriageModels, input: Readable, output: Writable): Promise<TriageReport> {
  const grouper = new DuplicateGrouper<PostId>();
  let duplicates = 0;
  let spam = 0;
  const { lines, invalidLines } = await answerJsonLines(input, output, (line) => {
    const post = readPostLine(line);
    if ('error' in post) return post;
    const result = triagePost(post.post, models);
    const duplicateGroup = grouper.groupOf(post.id, result.fingerprint);
    if (duplicateGroup !== null && duplicateGroup !== post.id) duplicates++;
    if (result.spam.spam) spam++;
    return { answer: triageAnswer(post.id, result, duplicateGroup) };
  });
  return { posts: lines, duplicates, spam, invalidLines };
}

const rounded = (value: number) => Math.round(value * 10_000) / 10_000;

/** The output line of one post: triagePost's result without the internals (fingerprint, sentiment terms). */
function triageAnswer(id: PostId, result: TriageResult, duplicateGroup: PostId | null) {
  const { language, sentiment, category, urgency, place } = result;
  return {
    id,
    language: language.language,
    languageConfidence: rounded(language.confidence),
    sentiment: { label: sentiment.label, score: rounded(sentiment.score), confidence: rounded(sentiment.confidence) },
    category: category && { label: category.label, confidence: rounded(category.confidence), reasons: category.reasons.map((reason) => reason.term) },
    urgency: { score: urgency.score, reasons: urgency.reasons },
    place: place && { spokeId: place.spokeId, matched: place.matched, confidence: place.confidence },
    duplicateGroup,
    spam: result.spam.spam,
  };
}

const isAbsent = (value: unknown) => value === undefined || value === null;

/** One JSON line as a post to triage, or what is wrong with it. */
function readPostLine(line: string): { id: PostId; post: PostToTriage } | { error: string } {
  const parsed = parseJsonObject(line);
  if ('error' in parsed) return parsed;
  const { id, text, lang, author, followers } = parsed.value;
  if (typeof id !== 'string' && typeof id !== 'number') return { error: '"id" must be a string or a number' };
  if (typeof text !== 'string') return { error: '"text" must be a string' };
  if (!isAbsent(lang) && typeof lang !== 'string') return { error: '"lang" must be a string' };
  // The author is accepted for symmetry with `herd match`; triage does not use it.
  if (!isAbsent(author) && typeof author !== 'string') return { error: '"author" must be a string' };
  if (!isAbsent(followers) && (typeof followers !== 'number' || !Number.isFinite(followers))) return { error: '"followers" must be a number' };
  return { id, post: { text, lang: (lang as string | undefined) ?? null, followers: (followers as number | undefined) ?? null } };
}
