// Creating a token shows its secret exactly once, with a button to copy it.
import { useState } from 'react';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { ShownOnceSecret } from '../../ui/shown-once-secret.tsx';
import { useCreateToken } from './api/create-token.ts';

export function CreateTokenForm() {
  const createToken = useCreateToken();
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('');

  if (createToken.data) {
    return <ShownOnceSecret noun="token" label="New API token" secret={createToken.data.token} heading="Copy this token now." onDone={() => createToken.reset()} />;
  }

  const submit = () => createToken.mutate(
    { name: name.trim(), ...(expiresInDays && { expiresInDays: Number(expiresInDays) }) },
    {
      onSuccess: () => {
        setName('');
        setExpiresInDays('');
      },
    },
  );

  return (
    <Form onSubmit={submit} error={createToken.error} className="form--inline">
      <TextField label="Token name" field="name" required hint="What uses it, e.g. “Intranet sync”."
        value={name} onChange={(event) => setName(event.target.value)} />
      <TextField label="Expires in days" field="expiresInDays" type="number" min={1} step={1}
        hint="Leave empty for a token that does not expire."
        value={expiresInDays} onChange={(event) => setExpiresInDays(event.target.value)} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={createToken.isPending}>Create token</Button>
      </div>
    </Form>
  );
}
