// Slows down password guessing: failed sign-ins are counted per e-mail address and
// per IP address over a window, and sign-in is locked past a limit. It answers the
// same whether or not the address belongs to anyone.
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { loginFailures } from './people.schema.ts';
import { digest } from './secret-tokens.ts';

export interface ThrottleSettings { maxFailures: number; lockMinutes: number }
/** One address may be behind many people (an office), so it gets more room than one e-mail. */
const IP_ALLOWANCE = 4;

const emailKey = (email: string) => digest(email.trim().toLowerCase());
const windowStart = (settings: ThrottleSettings, now: Date) => new Date(now.getTime() - settings.lockMinutes * 60_000);

export async function assertSignInAllowed(db: Database, settings: ThrottleSettings, email: string, ip: string, now = new Date()) {
  const since = windowStart(settings, now);
  const [byEmail] = await db.select({ n: count() }).from(loginFailures)
    .where(and(eq(loginFailures.emailKey, emailKey(email)), gte(loginFailures.at, since)));
  const [byIp] = await db.select({ n: count() }).from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)));
  if ((byEmail?.n ?? 0) >= settings.maxFailures || (byIp?.n ?? 0) >= settings.maxFailures * IP_ALLOWANCE) {
    throw new AppError('LOGIN_LOCKED', `Too many failed sign-ins. Try again in ${settings.lockMinutes} minutes.`);
  }
}

export async function recordSignInFailure(db: Database, settings: ThrottleSettings, email: string, ip: string, now = new Date()) {
  await db.insert(loginFailures).values({ emailKey: emailKey(email), ip, at: now });
  // Old failures are useless; dropping them here keeps the table small without a job.
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(windowStart(settings, now).getTime() - 86_400_000)));
}

export async function clearSignInFailures(db: Database, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.emailKey, emailKey(email)));
}
