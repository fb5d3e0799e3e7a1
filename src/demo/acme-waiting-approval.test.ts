import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp } from '../server/test-app.ts';
import { DEMO_ORG_SLUG, DEMO_PASSWORD, seedAcmeRetail } from './acme-retail.ts';
import { ensureDemoStream } from './demo-stream.ts';
import { seedWaitingApproval } from './acme-waiting-approval.ts';

describeHttp('the demo\'s reply waiting for the PR lead', (herd) => {
  it('routes the blogger\'s question, has its assignee answer it, and the PR lead finds the answer waiting because of her reach', async () => {
    const { db } = herd().database;
    const { orgId } = await seedAcmeRetail(db, { passwordCost: herd().config.passwordCost });
    await ensureDemoStream(db, orgId);
    const waiting = await seedWaitingApproval(db, orgId);
    assert.ok(waiting, 'someone was assigned: the demo volunteer is always on shift and speaks German');

    const login = await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'pr@acme-retail.example', password: DEMO_PASSWORD, organization: DEMO_ORG_SLUG } });
    assert.equal(login.statusCode, 200, login.body);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const approvals = (await herd().app.inject({ method: 'GET', url: '/api/approvals', headers: { cookie } })).json();
    const reply = approvals.items.find((item: { conversationId: string }) => item.conversationId === waiting.conversationId);
    assert.ok(reply, 'the answer is in the PR lead\'s approval queue');
    assert.equal(reply.status, 'pending_approval');
    assert.equal(reply.authorName, 'Volunteer Demo');
    assert.ok(reply.riskReasons.some((reason: string) => /84,?000|followers/i.test(reason)), `the reason names her reach: ${reply.riskReasons.join('; ')}`);
  });
});
