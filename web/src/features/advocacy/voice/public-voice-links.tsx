// Where the company's public voice is published (server: src/modules/advocacy/voice/):
// the page and its Atom and JSON feeds, named by the organization's slug. Shown once
// the switch is saved on; while it is only switched on in the form, it says where
// saving will publish it.
import { useSessionOrganization } from '../../../api/session-roles.ts';

interface PublicVoiceLinksProps {
  /** The saved setting: the page answers only when this is on. */
  published: boolean;
  /** The switch in the form, maybe not saved yet. */
  switchedOn: boolean;
}

export function PublicVoiceLinks({ published, switchedOn }: PublicVoiceLinksProps) {
  const organization = useSessionOrganization();
  if (!organization || !switchedOn) return null;
  const page = `/voice/${encodeURIComponent(organization.slug)}`;
  const address = `${window.location.origin}${page}`;
  if (!published) return <p className="field__hint" data-testid="public-voice-links">Once saved, the page is published at {address}.</p>;
  return (
    <p className="field__hint" data-testid="public-voice-links">
      Published at <a href={page} target="_blank" rel="noopener noreferrer">{address}</a>, with its feeds:{' '}
      <a href={`${page}/feed.atom`} target="_blank" rel="noopener noreferrer">Atom</a> and{' '}
      <a href={`${page}/feed.json`} target="_blank" rel="noopener noreferrer">JSON Feed</a>.
    </p>
  );
}
