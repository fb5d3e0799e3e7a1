// People: colleagues, their skills and availability, and the roles they hold.
import type { RouteObject } from 'react-router';
import { ImportPeoplePage } from './import-people-page.tsx';
import { NewPersonPage } from './new-person-page.tsx';
import { PeoplePage } from './people-page.tsx';
import { PersonPage } from './person-page.tsx';

export const peopleRoutes: RouteObject[] = [
  { path: '/people', element: <PeoplePage /> },
  { path: '/people/new', element: <NewPersonPage /> },
  { path: '/people/import', element: <ImportPeoplePage /> },
  { path: '/people/:id', element: <PersonPage /> },
];
