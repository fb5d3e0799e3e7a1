// Routing (hub admins): the rules that send conversations to spokes, with a preview
// that explains a decision, SLA policies, spoke calendars and the Slack or Teams
// channels notifications are posted to.
import { Navigate, type RouteObject } from 'react-router';
import { CalendarsPage } from './calendars/calendars-page.tsx';
import { ChannelsPage } from './channels/channels-page.tsx';
import { RoutingLayout } from './routing-layout.tsx';
import './routing.css';
import { RulesPage } from './rules/rules-page.tsx';
import { SlaPoliciesPage } from './sla/sla-policies-page.tsx';

export const routingRoutes: RouteObject[] = [
  {
    path: '/routing',
    element: <RoutingLayout />,
    children: [
      { index: true, element: <Navigate to="rules" replace /> },
      { path: 'rules', element: <RulesPage /> },
      { path: 'sla', element: <SlaPoliciesPage /> },
      { path: 'calendars', element: <CalendarsPage /> },
      { path: 'channels', element: <ChannelsPage /> },
    ],
  },
];
