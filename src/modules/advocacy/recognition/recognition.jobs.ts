// Recognition's background work: click points from the recorded clicks, and points for
// helpful answers as respond publishes replies.
import { awardClickPointsJob } from './click-points.job.ts';
import { awardHelpfulAnswerJob } from './helpful-answer.job.ts';

export const recognitionJobs = [awardClickPointsJob, awardHelpfulAnswerJob];
