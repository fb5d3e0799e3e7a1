// Listening: the sources Herd reads, the topics that pick mentions out of them, and the stream.
import { Navigate, type RouteObject } from 'react-router';
import './listening.css';
import { ListeningLayout } from './listening-layout.tsx';
import { MentionsPage } from './mentions/mentions-page.tsx';
import { SourcesPage } from './sources/sources-page.tsx';
import { TopicsPage } from './topics/topics-page.tsx';
import type { MentionExtra } from './types.ts';

export type { MentionExtra } from './types.ts';

export interface ListeningRouteOptions {
  /** Shown on every mention card of the stream (web/src/app passes triage's chips). */
  mentionExtra?: MentionExtra;
}

export const listeningRoutes = ({ mentionExtra }: ListeningRouteOptions = {}): RouteObject[] => [
  {
    path: '/listening',
    element: <ListeningLayout />,
    children: [
      { index: true, element: <Navigate to="sources" replace /> },
      { path: 'sources', element: <SourcesPage /> },
      { path: 'topics', element: <TopicsPage /> },
      { path: 'mentions', element: <MentionsPage extra={mentionExtra} /> },
    ],
  },
];
