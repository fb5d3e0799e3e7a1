// What happens to the reply once sent, as of the last check: whether it waits for
// approval and why, how it reaches the network, and, when the person may not reply
// publicly yet, what is missing (with the way to the policy when that is it).
import { Link } from 'react-router';
import { networkName, type Judgement } from '../types.ts';

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function PublishingRoute({ judgement }: { judgement: Judgement }) {
  const where = networkName(judgement.network);
  if (judgement.publishing === 'api') return <>Will be published on {where}{judgement.risk.tier === 'high' && ' once approved'}.</>;
  return <>You will copy it and post it yourself{judgement.risk.tier === 'high' && ', once approved'}: Herd cannot post on {where}.</>;
}

export function JudgementSummary({ judgement }: { judgement: Judgement }) {
  const { risk } = judgement;
  return (
    <div className="judgement-summary">
      <p className={`judgement-summary__risk judgement-summary__risk--${risk.tier}`} data-testid="reply-risk">
        {risk.tier === 'high'
          ? <><strong>Needs approval:</strong> {risk.reasons.join('; ')}.</>
          : 'Low risk: it goes out without waiting for approval.'}
      </p>
      <p data-testid="reply-publishing"><PublishingRoute judgement={judgement} /></p>
      <ReplyPermission judgement={judgement} />
    </div>
  );
}

/** What keeps the person from replying publicly (nothing when they may): worth saying before they write a word. */
export function ReplyPermission({ judgement: { permission } }: { judgement: Judgement }) {
  if (permission.allowed) return null;
  return (
    <div className="judgement-summary__permission" role="alert">
      <p><strong>You may not reply publicly yet.</strong></p>
      <ul>{permission.missing.map((missing) => <li key={missing}>{sentence(missing)}.</li>)}</ul>
      {permission.acknowledgePolicyVersion !== null && <p><Link to="/policy">Read and acknowledge the policy (version {permission.acknowledgePolicyVersion})</Link></p>}
    </div>
  );
}
