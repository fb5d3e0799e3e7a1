// Share of voice between the listening topics (the brand against its competitors): each
// topic's part of the topics' mentions together, its sentiment, and how its share moved
// since the period before.
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Table } from '../../../ui/table.tsx';
import { shareOfVoiceDashboard } from '../api/dashboards.ts';
import { count, percent } from '../insights-format.ts';
import { DashboardPanel } from '../panel/dashboard-panel.tsx';
import { Delta } from '../panel/delta.tsx';
import { countFormat, Figures, type Figure } from '../panel/figures.tsx';
import type { InsightsQuery, ShareOfVoiceAnswer, ShareOfVoiceNumbers, TopicVoice } from '../types.ts';

const nameOf = (topic: TopicVoice) => topic.name ?? 'A deleted topic';
const signedRate = (rate: number | null) => (rate === null ? '—' : `${rate > 0 ? '+' : rate < 0 ? '−' : ''}${Math.abs(Math.round(rate * 100))} %`);

const figures: Figure<ShareOfVoiceNumbers>[] = [
  { key: 'topic-mentions', label: 'Mentions of your topics', value: (numbers) => numbers.mentions, format: countFormat, better: null, hint: () => 'A mention of two topics counts for both.' },
];

function VoiceTable({ answer }: { answer: ShareOfVoiceAnswer }) {
  const before = new Map(answer.previous?.topics.map((topic) => [topic.topicId, topic.share]));
  return (
    <Table caption="Share of voice per topic" rowKey={(topic) => topic.topicId} rows={answer.topics} columns={[
      { header: 'Topic', cell: nameOf },
      { header: 'Mentions', cell: (topic) => count(topic.mentions) },
      { header: 'Share', cell: (topic) => percent(topic.share) },
      ...(answer.previous ? [{
        header: 'Share vs before',
        cell: (topic: TopicVoice) => <Delta current={topic.share} previous={before.get(topic.topicId) ?? 0} kind="rate" better={null} previousText={percent(before.get(topic.topicId) ?? 0)} />,
      }] : []),
      { header: 'Negative', cell: (topic) => count(topic.negative) },
      { header: 'Neutral', cell: (topic) => count(topic.neutral) },
      { header: 'Positive', cell: (topic) => count(topic.positive) },
      { header: 'Net sentiment', cell: (topic) => signedRate(topic.netSentiment) },
    ]} />
  );
}

export function ShareOfVoicePanel({ query }: { query: InsightsQuery }) {
  const answer = shareOfVoiceDashboard.useAnswer(query);
  return (
    <DashboardPanel id="share-of-voice" title="Share of voice" answer={answer} csvUrl={shareOfVoiceDashboard.csvUrl(query)}
      description="Each listening topic’s part of the topics’ mentions together, e.g. your brand against competitors. Net sentiment: positive minus negative, of its mentions."
      emptiness={(data) => (data.topics.length === 0
        ? { title: 'No listening topics yet.', text: 'Add topics under Listening (your brand, your competitors) to compare their share of voice.' }
        : data.mentions === 0 ? { title: 'No mentions of your topics in this period.', text: 'A mention counts for every topic its text matched.' } : null)}
      summary={(data) => <Figures label="Share of voice" figures={figures} current={data} previous={data.previous} />}
      chart={(data) => (
        <LabelledBars label="Share of voice per topic" max={1} bars={data.topics.map((topic) => ({
          key: topic.topicId, label: nameOf(topic), value: topic.share, valueText: `${percent(topic.share)} · ${count(topic.mentions)}`,
        }))} />
      )}
      table={(data) => <VoiceTable answer={data} />} />
  );
}
