// JSON lines in, JSON lines out: the plumbing of the commands that answer each line of
// their input with one line of output (`herd triage`; `herd match` does the same).
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface JsonLinesReport {
  /** Lines answered (blank lines are skipped, not counted). */
  lines: number;
  /** Lines answered with `{"line", "error"}`. */
  invalidLines: number;
}

/**
 * Answers every non-blank line of `input` with one JSON line on `output`, in order: the
 * object `answerLine` returns, or `{"line": N, "error": "..."}` when it returns an error
 * (and reading goes on). Waits when the output is full rather than buffering the input.
 */
export async function answerJsonLines(input: Readable, output: Writable, answerLine: (line: string) => { answer: object } | { error: string }): Promise<JsonLinesReport> {
  const report: JsonLinesReport = { lines: 0, invalidLines: 0 };
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    report.lines++;
    const result = answerLine(line);
    if ('error' in result) report.invalidLines++;
    const answer = 'error' in result ? { line: lineNumber, error: result.error } : result.answer;
    if (!output.write(`${JSON.stringify(answer)}\n`)) await once(output, 'drain');
  }
  return report;
}

/** A reader that went away (`herd ... | head`) ends the command quietly instead of with EPIPE. */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

/** A JSON line parsed as an object, or what is wrong with it. */
export function parseJsonObject(line: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object' };
  return { value: value as Record<string, unknown> };
}
