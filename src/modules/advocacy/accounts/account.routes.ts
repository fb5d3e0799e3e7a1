// HTTP routes for a person's own accounts: list, declare or connect, change (a declared
// account's followers, a connected one's credential), remove (the credential with it),
// and read the followers again. Only the person's own accounts: anyone else's are 404.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import { Account, AccountInput, AccountList, AccountPatch, declaredNetworks } from './account.contract.ts';
import { isConnected, declareAccount, listMyAccounts, ownAccount, removeAccount, updateDeclaredAccount } from './advocate-accounts.ts';
import { connectAccount, reconnectAccount, refreshAccount, type AccountAccess } from './connect-account.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['advocacy'];

export function registerAccountRoutes(app: HerdApp, { db, config, http }: ModuleContext): void {
  const access: AccountAccess = { http, secrets: config };
  app.get('/api/advocacy/accounts', { schema: { tags, summary: 'Your accounts: where you share, with your followers there', response: { 200: AccountList } } },
    async (request) => ({ items: await listMyAccounts(db, actorOf(request)) }));
  app.post('/api/advocacy/accounts', { schema: { tags, summary: 'Declare an account (LinkedIn, X, Facebook, e-mail: handle and followers) or connect one Herd publishes through (Mastodon: server and access token; Bluesky: handle and app password)', body: AccountInput, response: { 201: Account } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const created = (declaredNetworks as readonly string[]).includes(input.network)
        ? await declareAccount(db, actor, input as Extract<AccountInput, { followers: number }>)
        : await connectAccount(db, access, actor, input as Extract<AccountInput, { network: 'mastodon' | 'bluesky' }>);
      return reply.status(201).send(created);
    });
  app.patch('/api/advocacy/accounts/:id', { schema: { tags, summary: 'Change a declared account\'s handle or followers, or give a connected account a new access token or app password', params: IdParams, body: AccountPatch, response: { 200: Account } } },
    async (request) => {
      const actor = actorOf(request);
      const account = await ownAccount(db, actor, request.params.id);
      return isConnected(account)
        ? reconnectAccount(db, access, actor, account, request.body)
        : updateDeclaredAccount(db, actor, account, request.body);
    });
  app.delete('/api/advocacy/accounts/:id', { schema: { tags, summary: 'Remove an account; a connected one\'s credential is deleted with it', params: IdParams } },
    async (request, reply) => {
      await removeAccount(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    });
  app.post('/api/advocacy/accounts/:id/refresh', { schema: { tags, summary: 'Read a connected account\'s followers from its network now', params: IdParams, response: { 200: Account } } },
    async (request) => refreshAccount(db, access, await ownAccount(db, actorOf(request), request.params.id)));
}
