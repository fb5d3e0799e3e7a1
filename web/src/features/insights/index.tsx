// Insights: what the programme achieved in a period, for the hub (hub admins,
// organization-wide PR leads and analysts) or a spoke lead's spokes: response and
// resolution times, SLA attainment, the backlog and who answered; mention volume,
// sentiment and share of voice; advocacy; crises per month (the hub's). Every dashboard
// has a table view and its CSV, and compares with the period before.
import type { RouteObject } from 'react-router';
import { AdvocacyPage } from './advocacy/advocacy-page.tsx';
import { CrisesPage } from './crises/crises-page.tsx';
import './insights.css';
import { InsightsLayout } from './insights-layout.tsx';
import { MentionsPage } from './mentions/mentions-page.tsx';
import { ResponsesPage } from './responses/responses-page.tsx';

export const insightsRoutes: RouteObject[] = [
  {
    path: '/insights',
    element: <InsightsLayout />,
    children: [
      { index: true, element: <ResponsesPage /> },
      { path: 'mentions', element: <MentionsPage /> },
      { path: 'advocacy', element: <AdvocacyPage /> },
      { path: 'crises', element: <CrisesPage /> },
    ],
  },
];
