// Sections that are planned but not built yet. Each says plainly what it will do, so
// nobody mistakes an empty page for missing data.
import type { RouteObject } from 'react-router';
import { PageHeader } from '../ui/page-header.tsx';

interface ComingSoon {
  path: string;
  title: string;
  purpose: string;
}

const comingSoon: ComingSoon[] = [
  {
    path: '/inbox',
    title: 'Inbox',
    purpose: 'Conversations routed to you and your spokes will wait here with their response timers, ready to be answered in your own words.',
  },
  {
    path: '/moderation',
    title: 'Moderation',
    purpose: 'Comments on your own channels will be checked against your comments policy and queued here for moderation.',
  },
  {
    path: '/training',
    title: 'Training',
    purpose: 'Courses, quizzes and certifications, and the social-media policy every volunteer acknowledges before answering in public.',
  },
];

function ComingSoonPage({ title, purpose }: ComingSoon) {
  return (
    <>
      <PageHeader title={title} />
      <div className="coming-soon">
        <p>{purpose}</p>
        <p className="muted">This section is coming in a later release of Herd.</p>
      </div>
    </>
  );
}

export const comingSoonRoutes: RouteObject[] = comingSoon.map((page) => ({
  path: page.path,
  element: <ComingSoonPage {...page} />,
}));
