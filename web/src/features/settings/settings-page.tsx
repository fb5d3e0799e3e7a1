import { PageHeader } from '../../ui/page-header.tsx';
import { CreateTokenForm } from './create-token-form.tsx';
import { TokensTable } from './tokens-table.tsx';

export function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        description="Organization settings such as routing rules, response-time targets, single sign-on and the social-media policy will be configured here in a later release."
      />
      <section className="section" aria-labelledby="api-tokens">
        <h2 id="api-tokens">API tokens</h2>
        <p>Tokens let scripts and integrations call the Herd API on your behalf. Treat them like passwords.</p>
        <TokensTable />
        <h3>New token</h3>
        <CreateTokenForm />
      </section>
    </>
  );
}
