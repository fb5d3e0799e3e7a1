// Every page of the app. The sign-in page stands alone; everything else needs a
// session and renders inside the app shell, each route with its own error boundary.
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { advocacyRoutes } from '../features/advocacy/index.tsx';
import { auditRoutes } from '../features/audit/index.tsx';
import { SignInPage } from '../features/auth/index.ts';
import { crisisRoutes } from '../features/crisis/index.tsx';
import { inboxRoutes } from '../features/inbox/index.tsx';
import { insightsRoutes } from '../features/insights/index.tsx';
import { listeningRoutes } from '../features/listening/index.tsx';
import { peopleRoutes } from '../features/people/index.tsx';
import { ReplyPanel, respondRoutes } from '../features/respond/index.tsx';
import { routingRoutes } from '../features/routing/index.tsx';
import { settingsRoutes } from '../features/settings/index.tsx';
import { spokesRoutes } from '../features/spokes/index.tsx';
import { MentionTriage, triageRoutes } from '../features/triage/index.tsx';
import { comingSoonRoutes } from './coming-soon.tsx';
import { RequireSession } from './require-session.tsx';
import { NotFoundPage, RouteError } from './route-error.tsx';

const pages: RouteObject[] = [
  { index: true, element: <Navigate to="/inbox" replace /> },
  // The inbox is built now; its "coming soon" page gives way to the real one.
  ...comingSoonRoutes.filter((route) => route.path !== '/inbox'),
  // The app puts respond's replies and composer into the inbox's conversation view.
  ...inboxRoutes({ conversationExtra: ReplyPanel }),
  // Features never import each other: the app puts triage's chips on listening's mention cards.
  ...listeningRoutes({ mentionExtra: MentionTriage }),
  ...triageRoutes,
  ...routingRoutes,
  ...respondRoutes,
  ...advocacyRoutes,
  ...crisisRoutes,
  ...insightsRoutes,
  ...peopleRoutes,
  ...spokesRoutes,
  ...auditRoutes,
  ...settingsRoutes,
  { path: '*', element: <NotFoundPage /> },
];

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: pages.map((page) => ({ ...page, errorElement: <RouteError /> })),
  },
]);
