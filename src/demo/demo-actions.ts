// What `herd demo` does, as one function of the database: seed the demo and set its
// stream up, start or stop the stream, or remove the demo. It answers in the lines
// the command prints, so a running Herd (demo-control-channel.ts) and the command
// itself say the same thing, whichever of them did the work.
import type { Database } from '../db/index.ts';
import { notFound } from '../errors.ts';
import { DEMO_PASSWORD, seedAcmeRetail } from './acme-retail.ts';
import { findDemoOrganization, removeDemo } from './demo-reset.ts';
import { ensureDemoStream, setDemoStreamStatus, type DemoStreamView } from './demo-stream.ts';
import { seedWaitingApproval } from './acme-waiting-approval.ts';

export const demoActions = ['show', 'start', 'stop', 'reset'] as const;
export type DemoAction = (typeof demoActions)[number];

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

export function describeDemoStream(stream: DemoStreamView): string {
  const sent = plural(stream.postsSent, 'post');
  return stream.status === 'running'
    ? `The demo stream is running (${sent} so far): while Herd runs, a made-up customer post arrives every few seconds. \`herd demo --stop\` stops it.`
    : `The demo stream is stopped (${sent} so far); \`herd demo --start\` resumes it.`;
}

/** Seeds the demo (once) with its stream and, when the stream is new, the reply waiting for the PR lead. */
export async function seedDemoWithStream(db: Database, settings: { passwordCost: number }): Promise<{ lines: string[]; orgId: string; stream: DemoStreamView }> {
  // All or nothing: a seed that failed halfway would leave an organization, and the next start seeds only an empty database.
  const { demo, stream } = await db.transaction(async (tx) => {
    const seeded = await seedAcmeRetail(tx, settings);
    const { created, stream: ensured } = await ensureDemoStream(tx, seeded.orgId);
    if (created) await seedWaitingApproval(tx, seeded.orgId);
    return { demo: seeded, stream: ensured };
  });
  const lines = [
    demo.created ? 'Seeded the "Acme Retail" demo.' : 'The "Acme Retail" demo exists already.',
    `Sign in with any of these (password "${DEMO_PASSWORD}"):`,
    ...demo.signIns.map((signIn) => `  ${signIn.role.padEnd(11)} ${signIn.email}`),
  ];
  return { lines, orgId: demo.orgId, stream };
}

export async function applyDemoAction(db: Database, settings: { passwordCost: number }, action: DemoAction): Promise<string[]> {
  if (action === 'reset') {
    if (!(await removeDemo(db))) return ['There is no demo organization; nothing was removed.'];
    return [
      'Removed the "Acme Retail" demo: its people, spokes, mentions, conversations, replies, stories and the demo stream.',
      'The next start seeds it again while the database has no organization; set HERD_SEED_DEMO=false to start without it.',
    ];
  }
  if (action === 'stop') {
    const org = await findDemoOrganization(db);
    if (!org) throw notFound('The "Acme Retail" demo organization (`herd demo` seeds it)');
    const stream = await setDemoStreamStatus(db, org.id, 'stopped');
    if (!stream) return ['The demo has no stream; there is nothing to stop.'];
    return [`Stopped the demo stream after ${plural(stream.postsSent, 'post')}; a running Herd sends no more within a few seconds. \`herd demo --start\` resumes it.`];
  }
  const { lines, orgId, stream } = await seedDemoWithStream(db, settings);
  if (action === 'show') return [...lines, describeDemoStream(stream)];
  const running = await setDemoStreamStatus(db, orgId, 'running');
  return [...lines, `The demo stream is running (${plural(running!.postsSent, 'post')} so far): a running Herd sends the next made-up post within seconds. \`herd demo --stop\` stops it.`];
}
