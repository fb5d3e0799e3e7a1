// Respond: replies in people's own words under the social-media policy. The composer
// and the replies of a conversation (web/src/app puts `ReplyPanel` into the inbox's
// conversation view), the approval queue, the library of starting points and the policy.
import type { RouteObject } from 'react-router';
import { ApprovalsPage } from './approvals/approvals-page.tsx';
import { LibraryPage } from './library/library-page.tsx';
import { PolicyPage } from './policy/policy-page.tsx';
import './respond.css';

export { ReplyPanel } from './replies/reply-panel.tsx';

export const respondRoutes: RouteObject[] = [
  { path: '/approvals', element: <ApprovalsPage /> },
  { path: '/library', element: <LibraryPage /> },
  { path: '/policy', element: <PolicyPage /> },
];
