// While the hub (or the crisis room) has paused advocacy, every sharing screen says so
// and why, before anyone writes a word.
import { useAdvocacySettings } from './api/get-settings.ts';

export function PausedBanner() {
  const settings = useAdvocacySettings();
  if (!settings.data?.paused) return null;
  return (
    <div className="notice advocacy-paused" role="status" data-testid="advocacy-paused">
      <p><strong>Sharing is paused for now.</strong>{settings.data.pausedReason && <> {settings.data.pausedReason}</>}</p>
      <p className="muted">You can read the stories; nothing can be shared until the hub resumes advocacy.</p>
    </div>
  );
}
