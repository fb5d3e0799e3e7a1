import { it } from 'node:test';
import assert from 'node:assert/strict';
import { isCountedAgent } from './bot-filter.ts';

const notCounted: [string, string | undefined][] = [
  ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  ['bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
  ['Facebook previews', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
  ['X previews', 'Twitterbot/1.0'],
  ['LinkedIn previews', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
  ['Slack previews', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
  ['Discord previews', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
  ['WhatsApp previews', 'WhatsApp/2.23.20.0 A'],
  ['Telegram previews', 'TelegramBot (like TwitterBot)'],
  ['Mastodon instances fetching the card', 'http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)'],
  ['Bluesky card service', 'Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)'],
  ['curl', 'curl/8.4.0'],
  ['python-requests', 'python-requests/2.31.0'],
  ['Go', 'Go-http-client/1.1'],
  ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36'],
  ['a generic crawler', 'SomeCrawler/1.0'],
  ['a generic spider', 'Baiduspider/2.0'],
  ['a generic previewer', 'Mozilla/5.0 LinkPreview/3.0'],
  ['a generic bot', 'Mozilla/5.0 (compatible; AhrefsBot/7.0)'],
  ['no user agent', undefined],
  ['an empty user agent', ''],
  ['a blank user agent', '   '],
];

const counted: [string, string][] = [
  ['Chrome on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'],
  ['Safari on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'],
  ['Firefox on Linux', 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0'],
  ['the LinkedIn app\'s in-app browser', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.1'],
  ['Samsung Internet', 'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36'],
];

for (const [what, userAgent] of notCounted) {
  it(`does not count ${what}`, () => assert.equal(isCountedAgent(userAgent), false, userAgent));
}
for (const [what, userAgent] of counted) {
  it(`counts ${what}`, () => assert.equal(isCountedAgent(userAgent), true, userAgent));
}
