// Spokes: the departments, business units, stores and regions of the organization.
import type { RouteObject } from 'react-router';
import { SpokePage } from './spoke-page.tsx';
import { SpokesPage } from './spokes-page.tsx';

export const spokesRoutes: RouteObject[] = [
  { path: '/spokes', element: <SpokesPage /> },
  { path: '/spokes/:id', element: <SpokePage /> },
];
