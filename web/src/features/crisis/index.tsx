// Crisis: the radar of every topic against its baseline, the alerts the detectors
// raised (acknowledge, or open a crisis room from one), the crisis rooms where the team
// runs a crisis, and the detectors' settings. Only hub admins and org-wide PR leads see
// it; everything refreshes on the live feed's `crisis.changed`.
import type { RouteObject } from 'react-router';
import { AlertsPage } from './alerts/alerts-page.tsx';
import './crisis.css';
import { CrisisLayout } from './crisis-layout.tsx';
import { RadarPage } from './radar/radar-page.tsx';
import { CrisisRoomPage } from './room/crisis-room-page.tsx';
import { CrisesPage } from './rooms/crises-page.tsx';
import { CrisisSettingsPage } from './settings/crisis-settings-page.tsx';

export const crisisRoutes: RouteObject[] = [
  {
    path: '/crisis',
    element: <CrisisLayout />,
    children: [
      { index: true, element: <RadarPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'rooms', element: <CrisesPage /> },
      { path: 'rooms/:crisisId', element: <CrisisRoomPage /> },
      { path: 'settings', element: <CrisisSettingsPage /> },
    ],
  },
];
