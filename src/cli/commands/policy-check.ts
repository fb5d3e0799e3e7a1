// `herd policy check [--rules FILE] [--org SLUG]`: checks texts against the social-media
// policy from outside the app, to test a policy or screen texts in a script. Texts are
// JSON lines on the input (`{"id", "text", "network"?, "topic"?}`); each gets one JSON
// line on the output: `{"id", "findings": [{"ruleId", "severity", "span", "message",
// "fix"}], "worst"}`, the network's limits included when the line names a network.
// The rules are the organization's policy in force, or a rules file to try a policy
// before saving it: `{"rules": [...]}` (as the API returns a policy) or a bare array.
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { answerJsonLines, exitQuietlyWhenStdoutCloses, parseJsonObject } from '../json-lines.ts';
import {
  checkNetworkLimits, compareFindings, compilePolicy, parsePolicyRules, worstSeverity, type PolicyRule, type ReplyContext,
} from '../../modules/respond/policy/index.ts';

export interface PolicyCheckOptions {
  /** A rules file, instead of the organization's policy. */
  rules?: string;
  /** The organization whose policy is used (needed when there are several). */
  org?: string;
}

/**
 * The command: the rules from `--rules` or the database, texts from stdin, answers on
 * stdout and a one-line summary on stderr. A rules file that cannot be read or has bad
 * rules is an AppError naming the file (and each bad field), which the CLI prints before exiting 1.
 */
export async function policyCheckCommand(options: PolicyCheckOptions): Promise<void> {
  const policy = options.rules ? { rules: await readRulesFile(options.rules), source: options.rules } : await policyFromDatabase(options.org);
  exitQuietlyWhenStdoutCloses();
  const report = await checkStream(policy.rules, process.stdin, process.stdout);
  const bad = report.invalidLines > 0 ? `; ${report.invalidLines} bad line(s) answered with {"line", "error"}` : '';
  process.stderr.write(`herd: checked ${report.texts} text(s) against ${policy.rules.length} rule(s) from ${policy.source}; `
    + `${report.withFindings} with findings, ${report.blocked} blocked${bad}\n`);
}

export interface PolicyCheckReport {
  /** Lines read (blank lines are not counted). */
  texts: number;
  /** Texts with at least one finding. */
  withFindings: number;
  /** Texts with a finding of severity block. */
  blocked: number;
  /** Lines answered with `{"line", "error"}` instead. */
  invalidLines: number;
}

/** Checks every JSON line of `input` against the rules, writing one JSON line per text to `output`. */
export async function checkStream(rules: readonly PolicyRule[], input: Readable, output: Writable): Promise<PolicyCheckReport> {
  const policy = compilePolicy(rules);
  let withFindings = 0;
  let blocked = 0;
  const { lines, invalidLines } = await answerJsonLines(input, output, (line) => {
    const read = readText(line);
    if ('error' in read) return read;
    const { network } = read.context;
    const findings = [...policy.check(read.text, read.context), ...(network ? checkNetworkLimits(read.text, network) : [])].sort(compareFindings);
    const worst = worstSeverity(findings);
    if (findings.length > 0) withFindings++;
    if (worst === 'block') blocked++;
    return { answer: { id: read.id, findings: findings.map(({ ruleId, severity, span, message, fix }) => ({ ruleId, severity, span, message, fix })), worst } };
  });
  return { texts: lines, withFindings, blocked, invalidLines };
}

/** The rules of a rules file; an AppError naming the file when it cannot be read or is not a valid rule set. */
export async function readRulesFile(path: string): Promise<PolicyRule[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read the rules file ${path}: ${(error as Error).message}`);
  }
  try {
    return parsePolicyRules(rulesIn(content));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, `bad rules file ${path}: ${error.message}`, error.details);
  }
}

/** The rule list of a rules file's JSON: the file itself when it is an array, else its "rules". */
function rulesIn(content: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `not valid JSON: ${(error as Error).message}`);
  }
  return Array.isArray(json) ? json : (json as { rules?: unknown } | null)?.rules;
}

/** One JSON line as a text and its context, or what is wrong with it. */
function readText(line: string): { id: unknown; text: string; context: ReplyContext } | { error: string } {
  const parsed = parseJsonObject(line);
  if ('error' in parsed) return parsed;
  const { id, text, network, topic } = parsed.value;
  if (typeof id !== 'string' && typeof id !== 'number') return { error: '"id" must be a string or a number' };
  if (typeof text !== 'string') return { error: '"text" must be a string' };
  const context: ReplyContext = {};
  if (network !== undefined && network !== null) {
    if (typeof network !== 'string') return { error: '"network" must be a string' };
    context.network = network;
  }
  if (topic !== undefined && topic !== null) {
    const topics = typeof topic === 'string' ? [topic] : topic;
    if (!Array.isArray(topics) || !topics.every((each) => typeof each === 'string')) return { error: '"topic" must be a string or a list of strings' };
    context.topics = topics;
  }
  return { id, text, context };
}

/**
 * The organization's policy in force. The database and the code around it load only
 * here, so checking against a rules file starts in a fraction of a second.
 */
async function policyFromDatabase(slug: string | undefined): Promise<{ rules: PolicyRule[]; source: string }> {
  const { withDatabase } = await import('./with-database.ts');
  return withDatabase((db) => organizationPolicy(db, slug));
}

/** The policy in force in the organization named by --org, or in the only one there is. */
export async function organizationPolicy(db: Database, slug: string | undefined): Promise<{ rules: PolicyRule[]; source: string }> {
  const [{ organizationFor }, { currentPolicy }] = await Promise.all([import('./with-database.ts'), import('../../modules/respond/index.ts')]);
  const org = await organizationFor(db, slug);
  const policy = await currentPolicy(db, org.id);
  return { rules: policy.rules, source: `the policy of ${org.slug}, version ${policy.version}` };
}
