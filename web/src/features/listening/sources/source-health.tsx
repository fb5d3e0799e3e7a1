import { DateTime } from '../../../ui/date-time.tsx';
import type { SourceHealth as Health } from '../types.ts';

/** When the source was last read, whether that worked, and the last error in red. */
export function SourceHealth({ health }: { health: Health }) {
  return (
    <div className="source-health">
      <dl>
        <div><dt>Last polled</dt><dd><DateTime value={health.lastPolledAt} /></dd></div>
        <div><dt>Last success</dt><dd><DateTime value={health.lastSuccessAt} /></dd></div>
        {health.consecutiveFailures > 0 && (
          <div><dt>Failures in a row</dt><dd>{health.consecutiveFailures}</dd></div>
        )}
      </dl>
      {health.lastError && <p className="source-health__error">{health.lastError}</p>}
    </div>
  );
}
