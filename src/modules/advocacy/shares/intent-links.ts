// Share intents: the networks' own "compose a post" links, opened in the sharer's
// browser with the text filled in (or copied, where the network takes only a URL).
// Every network has one; on Mastodon and Bluesky a share may instead go out through
// the sharer's connected account (accounts/, shares/publish-share.job.ts).
import { invalid } from '../../../errors.ts';

export const shareNetworks = ['linkedin', 'x', 'facebook', 'email', 'mastodon', 'bluesky'] as const;
export type ShareNetwork = (typeof shareNetworks)[number];

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The compose link for the network; Mastodon needs the sharer's own server (e.g. "mastodon.social"). */
export function intentUrlOf(network: ShareNetwork, share: { text: string; shortUrl: string; subject: string; mastodonInstance?: string | null }): string | null {
  const q = encodeURIComponent;
  switch (network) {
    case 'linkedin': return `https://www.linkedin.com/sharing/share-offsite/?url=${q(share.shortUrl)}`;
    // The text carries the short link already, so no url parameter (X would add it twice).
    case 'x': return `https://twitter.com/intent/tweet?text=${q(share.text)}`;
    case 'facebook': return `https://www.facebook.com/sharer/sharer.php?u=${q(share.shortUrl)}`;
    case 'email': return `mailto:?subject=${q(share.subject)}&body=${q(share.text)}`;
    case 'bluesky': return `https://bsky.app/intent/compose?text=${q(share.text)}`;
    case 'mastodon': return share.mastodonInstance ? `https://${share.mastodonInstance}/share?text=${q(share.text)}` : null;
  }
}

export function checkMastodonInstance(network: ShareNetwork, instance: string | undefined): void {
  if (network !== 'mastodon') return;
  if (!instance || !HOST_NAME.test(instance)) throw invalid([{ field: 'body.mastodonInstance', message: 'name your Mastodon server, e.g. mastodon.social, to share to Mastodon' }]);
}
