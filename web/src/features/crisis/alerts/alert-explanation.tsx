// Why the detector raised the alert, in its own terms: what it measured against which
// baseline over which window, how far the score went past its threshold and by which
// test, and the mentions to read first.
import { formatCount, formatWindow, shortId } from '../crisis-format.ts';
import { sensitivityLabels, type AlertExplanation } from '../types.ts';

export function AlertExplanationFacts({ explanation }: { explanation: AlertExplanation }) {
  return (
    <dl className="alert-facts">
      {explanation.subject && <div><dt>About</dt><dd>“{explanation.subject}”</dd></div>}
      <div><dt>Measured</dt><dd>{explanation.metric}</dd></div>
      <div><dt>Observed</dt><dd><strong>{formatCount(explanation.observed)}</strong> against a baseline of {formatCount(explanation.baseline)}</dd></div>
      <div><dt>Window</dt><dd>{formatWindow(explanation.window)}</dd></div>
      <div><dt>Score</dt><dd>{formatCount(explanation.score)} <span className="muted">(threshold {formatCount(explanation.threshold)}, {sensitivityLabels[explanation.sensitivity]?.toLowerCase() ?? explanation.sensitivity} sensitivity)</span></dd></div>
      <div className="alert-facts__wide"><dt>Test</dt><dd>{explanation.test}</dd></div>
    </dl>
  );
}

/** The sample mentions by id: there is no page of one mention to link to, so the ids are shown short, whole in their tooltip. */
export function SampleMentionIds({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <p className="alert-samples small">
      <span className="muted">Mentions to read first: </span>
      {ids.map((id) => <code key={id} title={id} className="alert-samples__id">{shortId(id)}</code>)}
    </p>
  );
}
