// The link allow-list: a reply may link only to the listed domains and their
// subdomains (shop.acme.example is acme.example's; acme.example.evil.test is not).
import type { LinkAllowListRule } from './policy-rule.ts';
import { findingAt, type RuleCheck } from './policy-finding.ts';
import { findLinks, hostOf } from './find-links.ts';

export function compileLinkAllowListRule(rule: LinkAllowListRule): RuleCheck {
  const allowed = rule.allowedDomains.map((domain) => hostOf(`http://${domain}`)!);
  const isAllowed = (host: string) => allowed.some((domain) => host === domain || host.endsWith(`.${domain}`));
  const allowedText = rule.allowedDomains.length > 0 ? rule.allowedDomains.join(', ') : 'none';
  return (reply) => reply.shared('links', findLinks).filter((link) => !isAllowed(link.host)).map((link) => findingAt(rule, reply, link, {
    message: `Links to ${link.host} are not allowed; allowed sites: ${allowedText}.`,
    fix: rule.allowedDomains.length > 0 ? `Link to an allowed site (${allowedText}) or remove the link.` : 'Remove the link.',
    replacement: '',
  }));
}
