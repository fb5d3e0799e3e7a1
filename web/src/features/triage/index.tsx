// Triage: the categories mentions are sorted into, their examples and the model that
// learns them, and what triage made of each mention (shown in the listening stream,
// where web/src/app plugs `MentionTriage` in).
import { Navigate, type RouteObject } from 'react-router';
import { CategoriesPage } from './categories/categories-page.tsx';
import { TriageLayout } from './triage-layout.tsx';
import './triage.css';

export { MentionTriage } from './mentions/mention-triage.tsx';

export const triageRoutes: RouteObject[] = [
  {
    path: '/triage',
    element: <TriageLayout />,
    children: [
      { index: true, element: <Navigate to="categories" replace /> },
      { path: 'categories', element: <CategoriesPage /> },
    ],
  },
];
