// Responses: how fast and how well the hub and its spokes answer (first response and
// resolution times overall, per spoke, person or time, SLA attainment), what waits now,
// and who answered.
import { queryOf, useInsightsView } from '../insights-view.ts';
import { BacklogPanel } from './backlog-panel.tsx';
import { ParticipationPanel } from './participation-panel.tsx';
import { ResponseSummary } from './response-summary.tsx';
import { ResponseTimesPanel } from './response-times-panel.tsx';
import { SlaPanel } from './sla-panel.tsx';

export function ResponsesPage() {
  const [view] = useInsightsView();
  const query = queryOf(view);
  return (
    <div className="insights-panels">
      <ResponseSummary query={query} />
      <ResponseTimesPanel query={query} />
      <SlaPanel query={query} />
      <BacklogPanel spokeId={view.spokeId} />
      <ParticipationPanel query={query} />
    </div>
  );
}
