// What the policy and the network's limits say about a text (a reply, a share), worst
// first within the text's order: severity, message, the words concerned and how to fix
// it, with a button to apply the suggested fix where there is one (in a composer).
import { severityLabels, type Finding } from '../api/policy-findings.ts';
import { Button } from './button.tsx';
import './marked-text.css';

interface FindingsListProps {
  findings: readonly Finding[];
  /** Offered for findings with a replacement; left out where the text cannot be edited. */
  onApplyFix?: (finding: Finding) => void;
  /** False while the findings belong to an older version of the text. */
  canApply?: boolean;
  /** Names the list for screen readers. */
  label?: string;
}

const describeReplacement = (finding: Finding) => {
  const replacement = finding.replacement!;
  if (!replacement.span) return `Adds “${replacement.text.trim()}” at the end`;
  return replacement.text ? `Replaces it with “${replacement.text}”` : 'Removes it';
};

export function FindingsList({ findings, onApplyFix, canApply = true, label = 'Policy findings' }: FindingsListProps) {
  if (findings.length === 0) return null;
  return (
    <ul className="plain-list findings" aria-label={label}>
      {findings.map((finding, index) => (
        <li key={`${finding.ruleId}-${finding.span?.start ?? 'whole'}-${index}`} className={`finding finding--${finding.severity}`} data-severity={finding.severity}>
          <div className="finding__body">
            <p className="finding__message">
              <span className={`badge badge--severity-${finding.severity}`}>{severityLabels[finding.severity]}</span>{' '}
              {finding.message}
              {finding.match && <> <q className="finding__match">{finding.match}</q></>}
            </p>
            <p className="finding__fix">{finding.fix}</p>
          </div>
          {onApplyFix && finding.replacement && (
            <Button className="finding__apply" disabled={!canApply} title={describeReplacement(finding)} onClick={() => onApplyFix(finding)}>
              Apply fix
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
