// HTTP routes for recognition: the leaderboards, my points and badges, and the
// participation by spoke.
import type { HerdApp, ModuleContext } from '../../../server/herd-module.ts';
import { actorOf } from '../../../server/auth.ts';
import { Leaderboard, LeaderboardQuery, MyRecognition, Participation, PeriodQuery } from './recognition.contract.ts';
import { leaderboard } from './leaderboard.ts';
import { myRecognition } from './my-recognition.ts';
import { participationBySpoke } from './participation.ts';

const tags = ['advocacy'];

export function registerRecognitionRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.get('/api/advocacy/leaderboard', { schema: { tags, summary: 'Points in a period, overall or for a spoke (403 LEADERBOARDS_OFF while switched off)', querystring: LeaderboardQuery, response: { 200: Leaderboard } } },
    async (request) => leaderboard(db, actorOf(request), request.query));
  app.get('/api/advocacy/me/recognition', { schema: { tags, summary: 'Your points by action, your badges with their dates, your rank', response: { 200: MyRecognition } } },
    async (request) => myRecognition(db, actorOf(request)));
  app.get('/api/advocacy/participation', { schema: { tags, summary: 'Participation by spoke in a period: members, sharers, answerers, shares (hub admins, PR leads, analysts)', querystring: PeriodQuery, response: { 200: Participation } } },
    async (request) => participationBySpoke(db, actorOf(request), request.query));
}
