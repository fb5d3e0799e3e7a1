// The crisis report as a file: summary, timeline, volumes per hour, response times and
// what was published, as a web page to print or as Markdown to paste elsewhere.
import { buttonClass } from '../../../ui/button.tsx';

const formats = [
  { format: 'html', label: 'Export report (HTML)' },
  { format: 'markdown', label: 'Export report (Markdown)' },
] as const;

export function ReportLinks({ crisisId }: { crisisId: string }) {
  return (
    <p className="crisis-report-links">
      {formats.map(({ format, label }) => (
        <a key={format} className={buttonClass('secondary')} href={`/api/crises/${crisisId}/report?format=${format}`} download>{label}</a>
      ))}
    </p>
  );
}
