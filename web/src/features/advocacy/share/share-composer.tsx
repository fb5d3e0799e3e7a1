// The share composer: the person picks a network (and one of their accounts there) and
// writes in their own words; as they type (after a pause) the share is checked and
// findings are marked in the text with their fixes, a near-copy of the talking points
// gets a nudge, and the text as it will go out is shown with the disclosure and the
// link. It goes out now (Herd publishes it through a connected account, or the text is
// copied and the network's compose page opened) or at a time they choose.
import { useId, useRef, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import type { Finding } from '../../../api/policy-findings.ts';
import { Button } from '../../../ui/button.tsx';
import { copyText } from '../../../ui/copy-text.ts';
import { insertAt, placeCaret, withFixApplied } from '../../../ui/edit-text.ts';
import { TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { findingHighlights, type Highlight } from '../../../ui/highlighted-text.tsx';
import { HighlightedTextarea } from '../../../ui/highlighted-textarea.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { accountName } from '../accounts/account-names.ts';
import { useCreateShare } from '../api/create-share.ts';
import { useMyAccounts } from '../api/list-accounts.ts';
import { useMyTimeZone } from '../api/get-my-time-zone.ts';
import { useSharePreview } from '../api/preview-share.ts';
import { shareNetworkLabels, type Share, type ShareInput, type ShareNetwork, type Story } from '../types.ts';
import { AccountPicker, chosenAccountId } from './account-picker.tsx';
import { NetworkPicker } from './network-picker.tsx';
import { openIntent } from './open-intent.ts';
import { ShareCheck } from './share-check.tsx';
import { ShareProblem } from './share-problem.tsx';
import { shiftedFindings } from './shifted-findings.ts';

interface ShareComposerProps {
  story: Story;
  onShared: (share: Share) => void;
}

const validationOnly = (error: Error | null) => (isApiError(error, 'VALIDATION_FAILED') ? error : null);

export function ShareComposer({ story, onShared }: ShareComposerProps) {
  const [network, setNetwork] = useState<ShareNetwork>('linkedin');
  const [mastodonInstance, setMastodonInstance] = useState('');
  /** The account chosen per network ('' for none); a network not in it takes its default. */
  const [accountChoices, setAccountChoices] = useState<Partial<Record<ShareNetwork, string>>>({});
  const [text, setText] = useState('');
  const [scheduling, setScheduling] = useState(false);
  const [scheduledFor, setScheduledFor] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const timeZone = useMyTimeZone();
  const toast = useToast();
  const create = useCreateShare();
  const accounts = useMyAccounts();

  const networkAccounts = (accounts.data ?? []).filter((account) => account.network === network);
  const accountId = chosenAccountId(networkAccounts, accountChoices[network]);
  const account = networkAccounts.find((one) => one.id === accountId);
  const askMastodonInstance = network === 'mastodon' && !account;
  const input: ShareInput = {
    storyId: story.id, network, text,
    ...(scheduling && scheduledFor && { scheduledFor }),
    ...(askMastodonInstance && { mastodonInstance }),
    ...(account && { accountId: account.id }),
  };
  const waitingFor = !text.trim() ? 'Write your words to see what will go out.'
    : askMastodonInstance && !mastodonInstance ? 'Name your Mastodon server to see what will go out.'
    : scheduling && !scheduledFor ? 'Choose when it should go out.'
    : null;
  const check = useSharePreview(input, waitingFor === null);
  const preview = check.data?.preview;
  const checking = waitingFor === null && (check.isFetching || (!check.current && !check.isError));
  const findings = check.current && preview ? shiftedFindings(preview.findings, text) : preview?.findings ?? [];
  const nudges = check.current && preview ? shiftedFindings(preview.nudges, text) : preview?.nudges ?? [];
  const highlights: Highlight[] = check.current ? findingHighlights([...findings, ...nudges]) : [];
  const shareable = waitingFor === null && check.current && preview?.mayShare === true;

  const applyFinding = (finding: Finding) => {
    const fixed = withFixApplied(text, finding);
    setText(fixed.text);
    placeCaret(textareaRef, fixed.caret);
  };
  const addHashtag = (tag: string) => {
    const inserted = insertAt(text, { start: text.length, end: text.length }, tag);
    setText(inserted.text);
    placeCaret(textareaRef, inserted.caret);
  };
  const submit = () => {
    if (!shareable) return;
    create.mutate(input, {
      onSuccess: async ({ share }) => {
        onShared(share);
        if (share.status !== 'opened') return;
        // Copy first: opening the network's page takes the focus the clipboard needs.
        const copied = await copyText(share.text);
        toast(copied ? 'Your text is copied: paste it on the network and post it.' : 'Copy your text below, then paste it on the network.');
        if (share.intentUrl) openIntent(share.intentUrl);
      },
    });
  };

  const unusedHashtags = story.hashtags.filter((tag) => !text.toLowerCase().includes(tag.toLowerCase()));
  const problem = create.error && !validationOnly(create.error) ? create.error : null;
  return (
    <Form className="share-composer" aria-label="Share this story" onSubmit={submit} error={validationOnly(create.error) ?? validationOnly(check.error)}>
      <div className="share-composer__columns">
        <div className="share-composer__write">
          <NetworkPicker network={network} onNetworkChange={setNetwork} mastodonInstance={mastodonInstance} onMastodonInstanceChange={setMastodonInstance}
            askMastodonInstance={askMastodonInstance}>
            {accounts.data && (
              <AccountPicker network={network} accounts={networkAccounts} accountId={accountId}
                onChange={(chosen) => setAccountChoices((choices) => ({ ...choices, [network]: chosen }))} />
            )}
          </NetworkPicker>
          <div className="field">
            <label className="field__label" htmlFor={id}>Your words</label>
            <HighlightedTextarea id={id} textareaRef={textareaRef} value={text} onChange={setText} highlights={highlights} rows={7}
              aria-describedby={`${id}-hint`} placeholder="Why does this story matter to you?" />
            <p id={`${id}-hint`} className="field__hint">
              Checked against the social-media policy as you type. Your link to the story is added for you.
            </p>
          </div>
          {unusedHashtags.length > 0 && (
            <div className="share-composer__hashtags">
              <span className="field__label">Suggested hashtags</span>
              <ul className="plain-list share-composer__hashtag-list">
                {unusedHashtags.map((tag) => (
                  <li key={tag}><Button variant="quiet" onClick={() => addHashtag(tag)} aria-label={`Add ${tag}`}>+ {tag}</Button></li>
                ))}
              </ul>
            </div>
          )}
          <fieldset className="form__fieldset share-composer__schedule">
            <legend>When</legend>
            <label className="checkbox-label">
              <input type="checkbox" className="checkbox" checked={scheduling} onChange={(event) => setScheduling(event.target.checked)} />
              Schedule it for later
            </label>
            {scheduling && (
              <TextField label="Date and time" field="scheduledFor" type="datetime-local" value={scheduledFor} required
                onChange={(event) => setScheduledFor(event.target.value)}
                hint={timeZone.data ? `In your time zone in Herd: ${timeZone.data}. Shares go out within the sharing hours there.` : 'In your time zone as Herd knows it (your profile).'} />
            )}
          </fieldset>
        </div>
        <ShareCheck preview={preview} current={check.current} checking={checking} error={check.error} onRetry={() => void check.refetch()}
          waitingFor={waitingFor} findings={findings} nudges={nudges} onApplyFix={applyFinding} />
      </div>
      {problem && <ShareProblem error={problem} />}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={create.isPending} disabled={!shareable}>
          {scheduling ? 'Schedule share' : account?.connected ? `Publish through ${accountName(account)}` : `Share on ${shareNetworkLabels[network]}`}
        </Button>
      </div>
    </Form>
  );
}
