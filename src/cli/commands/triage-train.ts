// `herd triage train --data FILE --label-column C [--text-column T] --out MODEL`: trains
// triage's classifier on a labeled CSV, TSV or JSON Lines file and writes a model file
// for `herd triage --model`. Labels exactly negative, neutral and positive make a
// sentiment model; any other set of labels a category model.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.ts';
import { createClassifier, type LabeledText } from '../../modules/triage/index.ts';
import { isSentimentLabels, TRIAGE_MODEL_FORMAT, TRIAGE_MODEL_VERSION, type TriageModelFile } from './triage.ts';

export interface TriageTrainOptions {
  data: string;
  labelColumn: string;
  textColumn: string;
  out: string;
}

export interface TrainingData {
  examples: LabeledText[];
  /** Rows left out, by why. */
  skipped: { withoutText: number; withoutLabel: number; unreadable: number };
}

type DataFormat = 'csv' | 'tsv' | 'jsonl';
const FORMAT_OF_EXTENSION: Record<string, DataFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** The command: reads and trains, writes the model, and prints a summary on stderr. */
export async function triageTrainCommand(options: TriageTrainOptions): Promise<void> {
  const started = performance.now();
  const format = FORMAT_OF_EXTENSION[extname(options.data).toLowerCase()];
  if (!format) throw new AppError('BAD_REQUEST', `cannot tell the format of ${options.data}: name it .csv, .tsv, .jsonl or .ndjson`);
  let content: string;
  try {
    content = await readFile(options.data, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read the data file ${options.data}: ${(error as Error).message}`);
  }
  const data = readTrainingData(options.data, content, format, { text: options.textColumn, label: options.labelColumn });
  const model = trainTriageModel(options.data, data.examples, new Date());
  try {
    await writeFile(options.out, `${JSON.stringify(model)}\n`);
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot write the model file ${options.out}: ${(error as Error).message}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`${describeTraining(model, data)}\nherd: took ${seconds} s; wrote ${options.out}\n`);
}

/** The summary printed after training: the model, its examples per label, the rows skipped. */
export function describeTraining(model: TriageModelFile, data: TrainingData): string {
  const perLabel = new Map<string, number>();
  for (const { label } of data.examples) perLabel.set(label, (perLabel.get(label) ?? 0) + 1);
  const { withoutText, withoutLabel, unreadable } = data.skipped;
  const skipped = withoutText + withoutLabel + unreadable;
  return [
    `herd: trained a ${model.purpose} model on ${model.examples} example(s), ${model.labels.length} label(s):`,
    ...[...perLabel].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, count]) => `  ${label}: ${count}`),
    `herd: skipped ${skipped} row(s)${skipped > 0 ? `: ${withoutText} without text, ${withoutLabel} without a label, ${unreadable} unreadable` : ''}`,
  ].join('\n');
}

/**
 * The labeled examples of a data file's content. Rows without text or without a label
 * are skipped and counted; a missing column is an AppError naming the columns found.
 */
export function readTrainingData(path: string, content: string, format: DataFormat, column: { text: string; label: string }): TrainingData {
  const { rows, columns, unreadable } = format === 'jsonl' ? readJsonLines(content) : readDelimited(path, content, format === 'tsv' ? '\t' : ',');
  for (const name of [column.text, column.label]) {
    if (!columns.has(name)) {
      const found = columns.size > 0 ? `its columns are ${[...columns].map((c) => `"${c}"`).join(', ')}` : 'it has no rows';
      throw new AppError('BAD_REQUEST', `${path} has no column "${name}"; ${found}`);
    }
  }
  const data: TrainingData = { examples: [], skipped: { withoutText: 0, withoutLabel: 0, unreadable } };
  for (const row of rows) {
    const text = row[column.text];
    const label = labelOf(row[column.label]);
    if (typeof text !== 'string' || text.trim() === '') data.skipped.withoutText++;
    else if (label === null) data.skipped.withoutLabel++;
    else data.examples.push({ text, label });
  }
  return data;
}

/** A label as text: strings trimmed, numbers and booleans written out (TweetEval's 0, 1, 2). */
function labelOf(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

interface ParsedRows { rows: Record<string, unknown>[]; columns: Set<string>; unreadable: number }

function readDelimited(path: string, content: string, delimiter: string): ParsedRows {
  let header: string[] = [];
  try {
    const rows = parse(content, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim())),
    }) as Record<string, string>[];
    return { rows, columns: new Set(header), unreadable: 0 };
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read ${path} as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${(error as Error).message}`);
  }
}

function readJsonLines(content: string): ParsedRows {
  const parsed: ParsedRows = { rows: [], columns: new Set(), unreadable: 0 };
  for (const line of content.replace(/^\uFEFF/, '').split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      parsed.unreadable++;
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      parsed.unreadable++;
      continue;
    }
    parsed.rows.push(value as Record<string, unknown>);
    for (const key of Object.keys(value)) parsed.columns.add(key);
  }
  return parsed;
}

/** Trains a classifier on every example; an AppError when they have fewer than two labels. */
export function trainTriageModel(path: string, examples: readonly LabeledText[], trainedAt: Date): TriageModelFile {
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.length < 2) {
    const what = labels.length === 0 ? 'no labeled rows' : `only the label "${labels[0]}"`;
    throw new AppError('BAD_REQUEST', `${path} has ${what}; a model needs at least 2 labels`);
  }
  const classifier = createClassifier();
  classifier.retrain(examples);
  return {
    format: TRIAGE_MODEL_FORMAT,
    version: TRIAGE_MODEL_VERSION,
    purpose: isSentimentLabels(labels) ? 'sentiment' : 'category',
    labels,
    examples: examples.length,
    trainedAt: trainedAt.toISOString(),
    classifier: classifier.toJSON(),
  };
}
