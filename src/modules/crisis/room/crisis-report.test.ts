import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, reportFileName, type CrisisReport } from './crisis-report.ts';
import { reportDocument } from './crisis-report-document.ts';
import { renderReportHtml } from './crisis-report-html.ts';
import { escapeMarkdown, renderReportMarkdown } from './crisis-report-markdown.ts';

const HOSTILE = '<script>alert("x")</script> & \'quotes\'';

/** A report as gathered, with people's texts trying every trick. */
function reportWith(overrides: Partial<CrisisReport> = {}): CrisisReport {
  const at = new Date('2025-03-01T10:00:00Z');
  return {
    crisis: {
      id: 'c1', title: HOSTILE, severity: 'high', status: 'closed', ownerId: 'p1', ownerName: '<b>Owner</b>', topicIds: ['t1'], topicNames: ['Brand'], openedAt: at,
      closedAt: new Date('2025-03-01T13:05:00Z'), topics: [{ id: 't1', name: 'Brand | Stores' }], crisisTeamSpokeId: null, crisisTeamSpokeName: null,
      openedFromAlertId: null, effects: { repliesNeedApproval: false, advocacyPaused: false, routedToSpokeId: null },
    },
    generatedAt: new Date('2025-03-02T09:00:00Z'), durationMinutes: 185, bucketMinutes: 60,
    hourly: [{ at, mentions: 12, negative: 7, neutral: 4, positive: 1 }, { at: new Date('2025-03-01T11:00:00Z'), mentions: 3, negative: 1, neutral: 2, positive: 0 }],
    responseTimes: { conversations: 5, answered: 4, medianMinutes: 12.5, p90Minutes: 41 },
    timeline: [
      { id: 'e1', at, kind: 'note', text: '# not a heading\nsecond line | with a pipe', actorName: 'Ann', data: null },
      { id: 'e2', at, kind: 'reply-published', text: 'click [here](javascript:alert(1))', actorName: 'Bo', data: null },
    ],
    timelineCut: false,
    replies: [
      { id: 'r1', text: 'Sorry! <img src=x onerror=alert(1)>', network: 'mastodon', authorName: 'Bo', spokeName: null, url: 'https://social.example/@acme/1?a=1&b="2"', publishedAt: at },
      { id: 'r2', text: 'By hand', network: 'file', authorName: 'Cy', spokeName: null, url: 'javascript:alert(1)', publishedAt: at },
    ],
    statements: [],
    ...overrides,
  };
}

describe('the crisis report as a document', () => {
  it('escapes every text in HTML, and links only web addresses', () => {
    const html = renderReportHtml(reportDocument(reportWith()));
    assert.equal(html.includes('<script>'), false);
    assert.equal(html.includes('<img'), false);
    assert.equal(html.includes('<b>'), false);
    assert.ok(html.includes('<title>Crisis report: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</title>'));
    assert.ok(html.includes('<a href="https://social.example/@acme/1?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">Sorry! &lt;img src=x onerror=alert(1)&gt;</a>'));
    assert.equal(html.includes('href="javascript:'), false, 'a javascript: address is shown as text, never a link');
    assert.match(html, /<td class="number">12<\/td><td class="number">7<\/td>/);
    assert.match(html, /Median first response<\/th><td>12\.5 min</);
    assert.match(html, /Duration<\/th><td>3 h 5 min</);
    assert.match(html, /@media print/);
    assert.equal(/<link|<script|src=/.test(html.replace(/&lt;img src=x/, '')), false, 'self-contained: nothing loaded from elsewhere');
  });

  it('escapes every text in Markdown: no HTML, no link, no heading or table break of theirs', () => {
    const markdown = renderReportMarkdown(reportDocument(reportWith()));
    assert.ok(markdown.startsWith('# Crisis report: &lt;script&gt;alert("x")&lt;/script&gt; &amp; \'quotes\'\n'));
    assert.equal(markdown.includes('<'), false);
    assert.ok(markdown.includes('| \\# not a heading second line \\| with a pipe |'), 'one cell: the newline joined, the pipe escaped');
    assert.ok(markdown.includes('click \\[here\\](javascript:alert(1))'), 'brackets escaped: no link forms');
    assert.ok(markdown.includes('[Sorry! &lt;img src=x onerror=alert(1)&gt;](https://social.example/@acme/1?a=1&b="2")'));
    assert.ok(markdown.includes('| 2025-03-01 10:00 UTC | Cy | file | By hand |'), 'a javascript: address is no link');
    assert.ok(markdown.includes('| **Topics** | Brand \\| Stores |'));
    assert.match(markdown, /\| From \(UTC\) \| Mentions \| Negative \| Neutral \| Positive \|\n\| --- \| ---: \| ---: \| ---: \| ---: \|/);
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('- item *bold* _it_ `code` ~x~'), '\\- item \\*bold\\* \\_it\\_ \\`code\\` \\~x\\~');
  });

  it('says "None." for what is empty, and tells when the timeline was cut', () => {
    const markdown = renderReportMarkdown(reportDocument(reportWith({ replies: [], timelineCut: true })));
    assert.match(markdown, /Replies published on the crisis's topics \(0\):\n\nNone\./);
    assert.match(markdown, /Holding statements on its topics \(0\):\n\nNone\./);
    assert.match(markdown, /Only the latest 2 entries are shown\./);
  });

  it('names durations and files plainly', () => {
    assert.deepEqual([0, 45, 60, 185, 1_441].map(formatDuration), ['0 min', '45 min', '1 h', '3 h 5 min', '1 d 1 min']);
    assert.equal(reportFileName(reportWith(), 'html'), 'crisis-script-alert-x-script-quotes-2025-03-01.html');
    const untitled = reportWith();
    untitled.crisis.title = 'Été 🔥';
    assert.equal(reportFileName(untitled, 'md'), 'crisis-ete-2025-03-01.md');
  });
});
