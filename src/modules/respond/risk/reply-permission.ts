// Who may reply publicly: a person with a role that answers conversations, certified
// to the organization's level, who acknowledged the policy in force. Pure, so the
// composer can say exactly what is missing before anyone writes a word.
import { can, type Actor } from '../../people/index.ts';
import type { RiskSettings } from './risk-settings.ts';

export interface ReplierStanding {
  certificationLevel: number;
  /** The newest policy version the person acknowledged, or null. */
  acknowledgedPolicyVersion: number | null;
}

export interface ReplyPermission {
  allowed: boolean;
  missing: string[];
  /** The policy version the person must acknowledge first, when that is among what is missing. */
  acknowledgePolicyVersion: number | null;
}

export function replyPermission(actor: Actor, standing: ReplierStanding, policyVersion: number, settings: RiskSettings): ReplyPermission {
  const missing: string[] = [];
  if (!actor.personId || !can(actor, 'conversations.work')) missing.push('your role does not answer conversations');
  if (standing.certificationLevel < settings.minimumCertificationLevel) {
    missing.push(`certification level ${settings.minimumCertificationLevel} is needed (you have ${standing.certificationLevel})`);
  }
  // Version 0 is the built-in starter policy nobody saved yet: nothing to acknowledge.
  const mustAcknowledge = settings.requirePolicyAcknowledgement && policyVersion > 0 && (standing.acknowledgedPolicyVersion ?? 0) < policyVersion;
  if (mustAcknowledge) missing.push(`acknowledge the social-media policy (version ${policyVersion}) first`);
  return { allowed: missing.length === 0, missing, acknowledgePolicyVersion: mustAcknowledge ? policyVersion : null };
}
