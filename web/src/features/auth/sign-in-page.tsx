// Sign-in with e-mail and password. When the same credentials open accounts in
// several organizations, the server answers ORGANIZATION_REQUIRED and we ask which one.
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useSession } from './api/get-session.ts';
import { useSignIn } from './api/sign-in.ts';

/** Where to go after signing in: the page that sent the person here, or the inbox. */
function useReturnPath(): string {
  const state: unknown = useLocation().state;
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/inbox';
}

export function SignInPage() {
  const session = useSession();
  const signIn = useSignIn();
  const returnPath = useReturnPath();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const [askOrganization, setAskOrganization] = useState(false);

  if (session.isPending) return <Loading />;
  // Also how a successful sign-in leaves this page: the session appears in the cache.
  if (session.data) return <Navigate to={returnPath} replace />;

  const submit = () =>
    signIn.mutate(
      { email, password, ...(askOrganization && { organization: organization.trim() }) },
      {
        onError: (error) => {
          if (isApiError(error, 'ORGANIZATION_REQUIRED')) setAskOrganization(true);
        },
      },
    );

  return (
    <main className="sign-in" id="main">
      <title>Sign in · Herd</title>
      <div className="sign-in__card">
        <p className="brand">Herd</p>
        <h1>Sign in</h1>
        <Form onSubmit={submit} error={signIn.error}>
          <TextField label="E-mail" field="email" type="email" autoComplete="username" required
            value={email} onChange={(event) => setEmail(event.target.value)} autoFocus />
          <TextField label="Password" field="password" type="password" autoComplete="current-password" required
            value={password} onChange={(event) => setPassword(event.target.value)} />
          {askOrganization && (
            <TextField label="Organization" field="organization" required autoFocus
              hint="Your e-mail belongs to several organizations. Type the short name (slug) of the one to sign in to, e.g. acme-retail."
              value={organization} onChange={(event) => setOrganization(event.target.value)} />
          )}
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={signIn.isPending}>Sign in</Button>
          </div>
        </Form>
      </div>
    </main>
  );
}
