// Opening a network's compose ("intent") link: a web page in a new tab, or the mail
// program for mailto: links (which would leave an empty tab behind otherwise).
export function openIntent(url: string): void {
  if (url.startsWith('mailto:')) window.location.assign(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}
