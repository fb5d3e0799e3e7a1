// Mentions: how much is said, in what mood, and how the topics share the conversation.
import { queryOf, useInsightsView } from '../insights-view.ts';
import { ShareOfVoicePanel } from './share-of-voice-panel.tsx';
import { VolumePanel } from './volume-panel.tsx';

export function MentionsPage() {
  const [view] = useInsightsView();
  const query = queryOf(view);
  return (
    <div className="insights-panels">
      <VolumePanel query={query} />
      <ShareOfVoicePanel query={query} />
    </div>
  );
}
