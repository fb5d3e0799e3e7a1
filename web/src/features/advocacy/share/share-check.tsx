// What the live check says about the share as written: the policy's findings with
// their fixes, the nudge to make it personal when it repeats the talking points, the
// disclosure Herd adds, the text exactly as it will go out, and whether it may go out
// now, and if not, why, in plain words.
import { useId } from 'react';
import { isApiError } from '../../../api/client.ts';
import type { Finding } from '../../../api/policy-findings.ts';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { FindingsList } from '../../../ui/findings-list.tsx';
import { Loading } from '../../../ui/loading.tsx';
import type { SharePreview } from '../types.ts';

interface ShareCheckProps {
  preview: SharePreview | undefined;
  /** The preview is about the text in the box now. */
  current: boolean;
  checking: boolean;
  error: Error | null;
  onRetry: () => void;
  /** Nothing to check yet (no words, or no Mastodon server). */
  waitingFor: string | null;
  findings: Finding[];
  nudges: Finding[];
  onApplyFix: (finding: Finding) => void;
}

function statusLine({ preview, current, checking, waitingFor, error }: Pick<ShareCheckProps, 'preview' | 'current' | 'checking' | 'waitingFor' | 'error'>): string {
  if (waitingFor) return waitingFor;
  if (checking) return 'Checking…';
  if (isApiError(error, 'VALIDATION_FAILED')) return 'Fix the problem marked above to see what will go out.';
  if (error || !current || !preview) return 'The share could not be checked.';
  if (preview.mayShare) return preview.scheduledFor ? 'Ready to schedule.' : 'Ready to share.';
  return 'It cannot go out yet.';
}

export function ShareCheck({ preview, current, checking, error, onRetry, waitingFor, findings, nudges, onApplyFix }: ShareCheckProps) {
  const titleId = useId();
  return (
    <section className="share-check" aria-labelledby={titleId} aria-busy={checking || undefined}>
      <h2 id={titleId}>What will go out</h2>
      <p className="share-check__status" role="status" data-testid="share-status" data-may-share={current && preview?.mayShare ? 'yes' : 'no'}>
        {statusLine({ preview, current, checking, waitingFor, error })}
      </p>
      {waitingFor || isApiError(error, 'VALIDATION_FAILED') ? null
        : !preview ? (error ? <ErrorState error={error} onRetry={onRetry} /> : <Loading label="Checking…" />)
        : (
          <div className="share-check__body" data-stale={!current || undefined}>
            {!preview.mayShare && preview.whyNot.length > 0 && (
              <ul className="share-check__why-not" aria-label="Why it cannot go out yet" data-testid="share-why-not">
                {preview.whyNot.map((reason, index) => <li key={`${reason.code}-${index}`}>{reason.message}</li>)}
              </ul>
            )}
            {nudges.length > 0 && (
              <div className="share-nudges" data-testid="share-nudges">
                <h3>Make it personal</h3>
                <p>Your words repeat the story’s talking points. Colleagues are trusted because they speak for themselves: say what the story means to you, or why your network should care.</p>
                <FindingsList findings={nudges} label="Nudges" />
              </div>
            )}
            <FindingsList findings={findings} onApplyFix={onApplyFix} canApply={current} />
            <p className="share-check__label">The text, with your link{preview.disclosureAdded ? ' and the disclosure' : ''}:</p>
            <p className="share-check__text" data-testid="share-final-text">{preview.text}</p>
            {preview.disclosureAdded && (
              <p className="share-check__note" data-testid="share-disclosure">
                Added for the social-media policy: <q>{preview.disclosureAdded}</q>. Keep it, or say it in your own words.
              </p>
            )}
            <p className="share-check__note muted">The link is your own short link: it leads to the story and counts the clicks your share earns.</p>
            {preview.scheduledFor && <p className="share-check__note">Goes out <DateTime value={preview.scheduledFor} />.</p>}
            {error && <ErrorState error={error} onRetry={onRetry} />}
          </div>
        )}
    </section>
  );
}
