// Judging a share's text, pure: the organization's policy (block findings refuse the
// share), a nudge when the text is a near-copy of the story's talking points (points
// to make, never a script), the disclosure the policy asks for appended when missing,
// the share's short link put in place of the story's URL (or added), and the
// network's length limit on the text as it will go out.
import { checkNetworkLimits, compilePolicy, type PolicyFinding, type PolicyRule } from '../../respond/index.ts';

export interface ShareJudgement {
  /** What will go out: the person's words, the disclosure if added, the short link. */
  text: string;
  findings: PolicyFinding[];
  /** Advice that does not refuse the share (make it personal). */
  nudges: PolicyFinding[];
  /** The disclosure appended on the policy's behalf, or null. */
  disclosureAdded: string | null;
  blocked: boolean;
}

export interface ShareToJudge {
  text: string;
  network: string;
  story: { url: string; talkingPoints: readonly string[] };
  shortUrl: string;
  policyRules: readonly PolicyRule[];
}

/** The talking points as marketing texts: a share that repeats them reads as a bot farm, not as people. */
function talkingPointsRule(talkingPoints: readonly string[]): PolicyRule[] {
  if (talkingPoints.length === 0) return [];
  return [{ kind: 'marketing-copy', id: 'own-words', severity: 'warn', copies: talkingPoints.map((text, index) => ({ id: `talking point ${index + 1}`, text })) }];
}

function withShortLink(text: string, storyUrl: string, shortUrl: string): string {
  return text.includes(storyUrl) ? text.split(storyUrl).join(shortUrl) : `${text} ${shortUrl}`;
}

export function judgeShare(share: ShareToJudge): ShareJudgement {
  const own = share.text.trim();
  const context = { network: share.network };
  // The short link is ours, so the policy reads the person's words without it (a link allow-list would flag it).
  const first = compilePolicy(share.policyRules).check(own, context);
  const disclosure = first.find((finding) => finding.kind === 'disclosure' && finding.replacement);
  const disclosed = disclosure ? `${own}${disclosure.replacement!.text}` : own;
  const findings = disclosure ? compilePolicy(share.policyRules).check(disclosed, context) : first;
  const text = withShortLink(disclosed, share.story.url, share.shortUrl);
  const all = [...findings, ...checkNetworkLimits(text, share.network)];
  return {
    text,
    findings: all,
    nudges: compilePolicy(talkingPointsRule(share.story.talkingPoints)).check(own, context),
    disclosureAdded: disclosure ? disclosure.replacement!.text.trim() : null,
    blocked: all.some((finding) => finding.severity === 'block'),
  };
}
