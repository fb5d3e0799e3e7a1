// Which clicks are people: crawlers, link previewers (the card a network shows under a
// post fetches the link once per server, Mastodon once per instance) and scripts are
// redirected like anyone else but not counted, or every share would earn clicks from
// the networks themselves. Matching is by user agent, which a bot can fake; this keeps
// honest automation out of the numbers, it is no defence against a determined forger.

const automatedAgent = new RegExp([
  'googlebot', 'bingbot', 'facebookexternalhit', 'facebookcatalog', 'twitterbot', 'linkedinbot', 'slackbot', 'slack-imgproxy',
  'discordbot', 'whatsapp', 'telegrambot', 'mastodon/', 'bluesky cardyb', 'skypeuripreview', 'embedly', 'pinterest',
  'curl/', 'wget/', 'python-requests', 'python-urllib', 'aiohttp', 'go-http-client', 'java/', 'okhttp', 'node-fetch', 'undici', 'axios/',
  'headlesschrome', 'phantomjs', 'lighthouse',
  'bot\\b', 'bot/', 'crawler', 'spider', 'preview', 'scraper', 'fetcher',
].join('|'), 'i');

/** Whether a click with this user agent counts: a person's browser, not a bot, previewer or script; an empty agent does not count. */
export function isCountedAgent(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim() === '') return false;
  return !automatedAgent.test(userAgent);
}
