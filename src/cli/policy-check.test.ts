import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describeOnEachDatabase } from '../db/test-database.ts';
import { AppError } from '../errors.ts';
import { createOrganization, systemActor } from '../modules/people/index.ts';
import { savePolicy } from '../modules/respond/index.ts';
import { defaultPolicyRules } from '../modules/respond/policy/index.ts';
import { checkStream, organizationPolicy } from './commands/policy-check.ts';
import { runHerd } from './test-herd.ts';

const rules = [
  { kind: 'personal-data', id: 'no-cards', severity: 'block', detect: ['card'] },
  { kind: 'confidential-terms', id: 'code-names', severity: 'warn', terms: ['Bluebird'] },
  { kind: 'disclosure', id: 'disclose', severity: 'info', networks: ['mastodon'], phrases: ['#AcmeTeam'], suggestion: '#AcmeTeam' },
];

const scratch = mkdtempSync(join(tmpdir(), 'herd-policy-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function fileAt(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('herd policy check, the command', () => {
  it('answers every line with its findings and the worst severity, network limits included', async () => {
    const file = fileAt('rules.json', JSON.stringify({ rules }));
    const { code, stdout, stderr } = await runHerd(['policy', 'check', '--rules', file], [
      JSON.stringify({ id: 'r1', text: 'Card 4111 1111 1111 1111 for Bluebird', network: 'mastodon' }),
      JSON.stringify({ id: 2, text: 'All fine #AcmeTeam', network: 'mastodon', topic: 'refunds' }),
      'not json',
      JSON.stringify({ id: 'r4', text: 'x'.repeat(301), network: 'bluesky' }),
      '',
      JSON.stringify({ id: 'r6', text: 42 }),
      JSON.stringify({ id: 'r7', text: 'Bluebird', topic: [1] }),
    ].join('\n'));
    assert.equal(code, 0, stderr);
    const answers = jsonLines(stdout);
    assert.equal(answers.length, 6);
    assert.deepEqual(answers[0], {
      id: 'r1', worst: 'block', findings: [
        { ruleId: 'no-cards', severity: 'block', span: { start: 5, end: 24 }, message: 'A payment card number must never be posted.', fix: 'Remove it; if the customer posted it, ask them to delete that post, and continue in a direct message.' },
        { ruleId: 'code-names', severity: 'warn', span: { start: 29, end: 37 }, message: '"Bluebird" is confidential: internal names must not be said in public.', fix: 'Remove it, or use the public name.' },
        { ruleId: 'disclose', severity: 'info', span: null, message: 'Say that you work for us on mastodon: the reply needs one of "#AcmeTeam".', fix: 'Add "#AcmeTeam".' },
      ],
    });
    assert.deepEqual(answers[1], { id: 2, findings: [], worst: null });
    assert.equal(answers[2]!.line, 3);
    assert.match(answers[2]!.error as string, /^not valid JSON: /);
    assert.deepEqual(answers[3], { id: 'r4', worst: 'block', findings: [{
      ruleId: 'network-limit.length', severity: 'block', span: { start: 300, end: 301 }, message: 'Bluesky takes at most 300 characters; this reply has 301.', fix: 'Shorten it by 1 character.',
    }] });
    assert.deepEqual(answers.slice(4), [{ line: 6, error: '"text" must be a string' }, { line: 7, error: '"topic" must be a string or a list of strings' }]);
    assert.equal(stderr, `herd: checked 6 text(s) against 3 rule(s) from ${file}; 2 with findings, 2 blocked; 3 bad line(s) answered with {"line", "error"}\n`);
  });

  it('takes a bare array of rules too', async () => {
    const file = fileAt('array.json', JSON.stringify(rules));
    const { code, stdout } = await runHerd(['policy', 'check', '--rules', file], '{"id": 1, "text": "bluebird"}\n');
    assert.equal(code, 0);
    assert.deepEqual(jsonLines(stdout).map((answer) => answer.worst), ['warn']);
  });

  it('refuses a bad rules file, naming the file and each bad field, and exits 1', async () => {
    const file = fileAt('bad.json', JSON.stringify({ rules: [rules[0], { ...rules[1], severity: 'fatal' }, { ...rules[0], id: 'orders', detect: ['order-number'], orderNumberPattern: '(' }] }));
    const { code, stdout, stderr } = await runHerd(['policy', 'check', '--rules', file], '{"id": 1, "text": "x"}\n');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, `herd: bad rules file ${file}: rules[1].severity: must be equal to one of the allowed values; `
      + 'rules[2].orderNumberPattern: is not a valid regular expression: Invalid regular expression: /(/giu: Unterminated group\n');
  });

  it('refuses a rules file that is not JSON or holds no rules', async () => {
    for (const [name, content, problem] of [['broken.json', '{"rules": [', /not valid JSON: /], ['empty.json', '{"policy": []}', /rules: must be a list of rules$/]] as const) {
      const file = fileAt(name, content);
      const { code, stderr } = await runHerd(['policy', 'check', '--rules', file], '');
      assert.equal(code, 1);
      assert.ok(stderr.startsWith(`herd: bad rules file ${file}: `), stderr);
      assert.match(stderr.trim(), problem);
    }
  });

  it('says so when the rules file cannot be read, and exits 1', async () => {
    const missing = join(scratch, 'missing.json');
    const { code, stderr } = await runHerd(['policy', 'check', '--rules', missing], '');
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`^herd: cannot read the rules file ${missing}: ENOENT`));
  });

  it('takes either --rules or --org, not both', async () => {
    const { code, stderr } = await runHerd(['policy', 'check', '--rules', 'x.json', '--org', 'acme'], '');
    assert.notEqual(code, 0);
    assert.match(stderr, /option '--rules <file>' cannot be used with option '--org <slug>'/);
  });
});

describe('checkStream', () => {
  it('counts texts, texts with findings, blocked texts and bad lines', async () => {
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => { written += chunk.toString(); });
    const input = Readable.from(['{"id": 1, "text": "4111111111111111"}\n', '{"id": 2, "text": "Bluebird"}\n', '{"id": 3, "text": "ok"}\n', '{"id": 4}\n']);
    const report = await checkStream(defaultPolicyRules, input, output);
    assert.deepEqual(report, { texts: 4, withFindings: 2, blocked: 2, invalidLines: 1 });
    assert.deepEqual(jsonLines(written).map((answer) => ('error' in answer ? answer.error : answer.worst)), ['block', 'block', null, '"text" must be a string']);
  });
});

describeOnEachDatabase('herd policy check, the organization\'s policy', (database) => {
  it('is the starter policy, version 0, until the hub saves one', async () => {
    const { db } = database();
    await createOrganization(db, { slug: 'policy-org', name: 'Policy Org' });
    const policy = await organizationPolicy(db, undefined);
    assert.deepEqual(policy, { rules: defaultPolicyRules, source: 'the policy of policy-org, version 0' });
  });

  it('is the newest saved version, of the organization named', async () => {
    const { db } = database();
    const other = await createOrganization(db, { slug: 'other-org', name: 'Other Org' });
    await savePolicy(db, systemActor(other.id), { rules, note: 'cards and code names' });
    const policy = await organizationPolicy(db, 'other-org');
    assert.equal(policy.source, 'the policy of other-org, version 1');
    assert.deepEqual(policy.rules.map((rule) => rule.id), ['no-cards', 'code-names', 'disclose']);
  });

  it('needs --org when there are several organizations, and a known one', async () => {
    const { db } = database();
    await assert.rejects(organizationPolicy(db, undefined), (error: unknown) => error instanceof AppError && error.message === 'Name the organization with --org <slug>.');
    await assert.rejects(organizationPolicy(db, 'nope'), (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND');
  });
});
