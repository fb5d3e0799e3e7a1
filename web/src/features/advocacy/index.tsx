// Advocacy: stories that colleagues share in their own words. The feed of stories for
// the person, the share composer with the live policy check, their shares with short
// links, their accounts (declared, or connected to publish through), their points and
// badges, the leaderboard, suggesting, adding and reviewing
// stories, the story feeds they come from, participation by spoke, the impact of
// shares, and the hub's settings. The parts are listed in advocacy-sections.ts (the
// sub-navigation); each is a route here.
import type { RouteObject } from 'react-router';
import { AccountsPage } from './accounts/accounts-page.tsx';
import { AdvocacyLayout } from './advocacy-layout.tsx';
import './advocacy.css';
import { FeedPage } from './feed/feed-page.tsx';
import { ImpactPage } from './measurement/impact-page.tsx';
import { LeaderboardPage } from './recognition/leaderboard-page.tsx';
import { MyPointsPage } from './recognition/my-points-page.tsx';
import { ParticipationPage } from './recognition/participation-page.tsx';
import { AdvocacySettingsPage } from './settings/settings-page.tsx';
import { SharePage } from './share/share-page.tsx';
import { MySharesPage } from './shares/my-shares-page.tsx';
import { StoriesPage } from './stories/stories-page.tsx';
import { StoryFeedsPage } from './story-feeds/story-feeds-page.tsx';

export const advocacyRoutes: RouteObject[] = [
  {
    path: '/advocacy',
    element: <AdvocacyLayout />,
    children: [
      { index: true, element: <FeedPage /> },
      { path: 'share/:storyId', element: <SharePage /> },
      { path: 'shares', element: <MySharesPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'me', element: <MyPointsPage /> },
      { path: 'leaderboard', element: <LeaderboardPage /> },
      { path: 'stories', element: <StoriesPage /> },
      { path: 'feeds', element: <StoryFeedsPage /> },
      { path: 'participation', element: <ParticipationPage /> },
      { path: 'impact', element: <ImpactPage /> },
      { path: 'settings', element: <AdvocacySettingsPage /> },
    ],
  },
];
