// Who in a spoke gets a conversation, and why. A candidate must be available now
// (active, inside their own working hours, below capacity); among those, the best fit
// wins: the skill for the conversation's category or topic and its level, the
// customer's language, certification, whoever already handled this author, and spare
// capacity. Equals take turns: the one assigned longest ago goes first. Pure, so the
// rules preview and the tests can ask "who would get it" without touching data.
import { isWithinHours, type WeeklyHours } from '../rules/weekly-hours.ts';

export interface Candidate {
  personId: string;
  name: string;
  status: 'active' | 'away' | 'left';
  /** Skills by topic (lower case), level 1–5. */
  skills: ReadonlyMap<string, number>;
  languages: readonly string[];
  /** 0 = not certified; higher levels may take harder conversations. */
  certificationLevel: number;
  hours: WeeklyHours;
  openConversations: number;
  capacity: number;
  /** When they were last given a conversation (null: never), for taking turns. */
  lastAssignedAt: Date | null;
  /** Whether they have handled a conversation with this author before. */
  knowsAuthor: boolean;
}

export interface ConversationNeeds {
  /** Skill topics that fit, most specific first (e.g. the category's name, then the topic's). */
  skillTopics: readonly string[];
  language: string | null;
  /** Certification needed to reply (by urgency or policy); 0 for none. */
  minimumCertification: number;
}

export interface CandidateVerdict { personId: string; name: string; eligible: boolean; score: number; reasons: string[] }
export interface AssigneeChoice { personId: string | null; reasons: string[]; verdicts: CandidateVerdict[] }

/** Points per fit; skill dominates, then language, then history with the author, then spare capacity. */
const POINTS = { skillPerLevel: 10, language: 15, knowsAuthor: 8, spareCapacity: 5 } as const;

function unavailability(candidate: Candidate, needs: ConversationNeeds, now: Date): string | null {
  if (candidate.status !== 'active') return `is ${candidate.status}`;
  if (candidate.openConversations >= candidate.capacity) return `is at capacity (${candidate.openConversations} of ${candidate.capacity})`;
  if (candidate.certificationLevel < needs.minimumCertification) return `needs certification level ${needs.minimumCertification} (has ${candidate.certificationLevel})`;
  if (!isWithinHours(now, candidate.hours)) return `is outside working hours (${candidate.hours.timeZone})`;
  return null;
}

function fit(candidate: Candidate, needs: ConversationNeeds): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const topic = needs.skillTopics.find((t) => candidate.skills.has(t.toLowerCase()));
  if (topic) {
    const level = candidate.skills.get(topic.toLowerCase())!;
    score += level * POINTS.skillPerLevel;
    reasons.push(`${topic} skill, level ${level}`);
  }
  if (needs.language && candidate.languages.includes(needs.language)) {
    score += POINTS.language;
    reasons.push(`speaks ${needs.language}`);
  }
  if (candidate.knowsAuthor) {
    score += POINTS.knowsAuthor;
    reasons.push('has helped this author before');
  }
  const spare = 1 - candidate.openConversations / candidate.capacity;
  score += spare * POINTS.spareCapacity;
  reasons.push(`${candidate.openConversations} of ${candidate.capacity} open`);
  return { score, reasons };
}

export function chooseAssignee(candidates: readonly Candidate[], needs: ConversationNeeds, now: Date): AssigneeChoice {
  const verdicts = candidates.map((candidate): CandidateVerdict => {
    const why = unavailability(candidate, needs, now);
    if (why) return { personId: candidate.personId, name: candidate.name, eligible: false, score: 0, reasons: [why] };
    return { personId: candidate.personId, name: candidate.name, eligible: true, ...fit(candidate, needs) };
  });
  const lastAssigned = new Map(candidates.map((c) => [c.personId, c.lastAssignedAt?.getTime() ?? -Infinity]));
  const ranked = verdicts.filter((v) => v.eligible).sort((a, b) =>
    b.score - a.score || lastAssigned.get(a.personId)! - lastAssigned.get(b.personId)! || a.personId.localeCompare(b.personId));
  const best = ranked[0];
  if (!best) return { personId: null, reasons: ['nobody in the spoke is available now: it waits in the spoke\'s queue'], verdicts };
  const tied = ranked.filter((v) => v.score === best.score).length;
  return { personId: best.personId, reasons: tied > 1 ? [...best.reasons, `took turns with ${tied - 1} equally suited`] : best.reasons, verdicts };
}
