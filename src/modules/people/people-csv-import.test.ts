import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';

describeHttp('people CSV import', (herd) => {
  const importCsv = (who: SignedIn, csv: string) =>
    herd().app.inject({ method: 'POST', url: '/api/people/import', headers: { ...who.headers, 'content-type': 'text/csv' }, payload: csv });
  const countPeople = async (who: SignedIn) => {
    const response = await herd().app.inject({ method: 'GET', url: '/api/people?limit=200', headers: who.headers });
    return response.json().items as { id: string; email: string; name: string; title: string | null; skills: unknown; languages: string[]; memberships: { role: string; spokeId: string | null }[] }[];
  };

  const csv = [
    'name,email,title,languages,skills,time_zone,capacity,status,spoke,role',
    'Alice Good,alice@imp.test,Buyer,en;fr,pricing:4;excel:2,Europe/Paris,5,active,Import Store,volunteer',
    'Bob Bad,not-an-email,,,,,,,,',
    'Carol Good,carol@imp.test,,de,,,,,,',
    'Dan Badskill,dan@imp.test,,,pricing:9,,,,,',
    'Eve Nospoke,eve@imp.test,,,,,,,Atlantis,volunteer',
    'Fay Good,fay@imp.test,Manager,,,,,,,analyst',
  ].join('\n');

  it('stores good rows and reports bad ones by row number and field', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'imp' });
    const spoke = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: admin.headers, payload: { kind: 'store', name: 'Import Store' } });
    assert.equal(spoke.statusCode, 201);
    const before = (await countPeople(admin)).length;
    const response = await importCsv(admin, csv);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.equal(report.created, 3);
    assert.equal(report.updated, 0);
    assert.equal(report.invalid, 3);
    const byRow = new Map(report.rows.map((r: { row: number }) => [r.row, r]));
    const fields = (row: number) => (byRow.get(row) as { problems: { field: string }[] }).problems.map((p) => p.field);
    const status = (row: number) => (byRow.get(row) as { status: string }).status;
    assert.deepEqual([2, 3, 4, 5, 6, 7].map(status), ['created', 'invalid', 'created', 'invalid', 'invalid', 'created']);
    assert.deepEqual(fields(3), ['email']);
    assert.deepEqual(fields(5), ['skills']);
    assert.deepEqual(fields(6), ['spoke']);
    const people = await countPeople(admin);
    assert.equal(people.length, before + 3);
    const emails = people.map((p) => p.email);
    for (const email of ['alice@imp.test', 'carol@imp.test', 'fay@imp.test']) assert.ok(emails.includes(email), email);
    for (const email of ['dan@imp.test', 'eve@imp.test']) assert.equal(emails.includes(email), false, email);
    const alice = people.find((p) => p.email === 'alice@imp.test')!;
    assert.deepEqual(alice.languages, ['en', 'fr']);
    assert.deepEqual(alice.skills, [{ topic: 'pricing', level: 4 }, { topic: 'excel', level: 2 }]);
    assert.deepEqual(alice.memberships.map((m) => [m.role, m.spokeId]), [['volunteer', spoke.json().id]]);
    const fay = people.find((p) => p.email === 'fay@imp.test')!;
    assert.deepEqual(fay.memberships.map((m) => [m.role, m.spokeId]), [['analyst', null]]);
  });

  it('updates rather than duplicates when the same file is imported again', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'imp' });
    const before = await countPeople(admin);
    const changed = csv.replace('Alice Good,alice@imp.test,Buyer', 'Alice Good,ALICE@imp.test,Head Buyer');
    const response = await importCsv(admin, changed);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().created, 0);
    assert.equal(response.json().updated, 3);
    const after = await countPeople(admin);
    assert.equal(after.length, before.length);
    const alice = after.find((p) => p.email.toLowerCase() === 'alice@imp.test')!;
    assert.equal(alice.title, 'Head Buyer');
    assert.equal(alice.memberships.length, 1, 'the role is not granted twice');
  });

  it('refuses a CSV larger than HERD_IMPORT_LIMIT with 413', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'imp' });
    const rows = Array.from({ length: 100 }, (_, i) => `Big Person ${i},big${i}@imp.test,,,,,,,,`);
    const big = ['name,email,title,languages,skills,time_zone,capacity,status,spoke,role', ...rows].join('\n');
    assert.ok(big.length > 2048);
    const response = await importCsv(admin, big);
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal((await countPeople(admin)).some((p) => p.email.startsWith('big')), false);
  });

  it('refuses a JSON body larger than the body limit with 413', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'imp' });
    const response = await herd().app.inject({
      method: 'POST', url: '/api/people', headers: admin.headers, payload: { name: 'Huge', email: 'huge@imp.test', title: 'x'.repeat(5000) },
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('is for people managers only', async () => {
    const volunteer = await herd().signInAs('volunteer', { org: 'imp' });
    const response = await importCsv(volunteer, 'name,email\nSneaky,sneaky@imp.test');
    assert.equal(response.statusCode, 403);
    const streamed = await herd().app.inject({
      method: 'POST', url: '/api/people/import', payload: 'name,email\nSneaky,sneaky@imp.test',
      headers: { ...volunteer.headers, 'content-type': 'text/csv', accept: 'application/x-ndjson' },
    });
    assert.equal(streamed.statusCode, 403, 'a refusal keeps its status when progress was asked for');
  });

  it('streams its progress, then the report, to clients that ask', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'imp' });
    const rows = Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}@imp.test`);
    const response = await herd().app.inject({
      method: 'POST', url: '/api/people/import', payload: `name,email\n${rows.join('\n')}\n`,
      headers: { ...admin.headers, 'content-type': 'text/csv', accept: 'application/x-ndjson' },
    });
    const lines = response.body.trim().split('\n').map((line) => JSON.parse(line));
    const progress = lines.slice(0, -1).map((line) => line.progress);
    assert.equal(progress.length, 30, 'one line per row when there are fewer than a hundred');
    assert.deepEqual(progress.at(-1), { done: 30, total: 30 });
    assert.equal(lines.at(-1).result.created + lines.at(-1).result.updated, 30);
  });
}, { importLimitBytes: 2048, bodyLimitBytes: 4096 });
