import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, collapses the rest', () => {
    assert.equal(htmlToText('<p>One\n  two</p><p>Three<br/>four</p>'), 'One two\n\nThree\nfour');
    assert.equal(htmlToText('<ul><li>a</li><li>b</li></ul>'), 'a\nb');
  });

  it('drops scripts, styles, comments and tags but keeps image alt text', () => {
    assert.equal(htmlToText('<style>p{}</style><!-- hidden --><p>Hi <a href="x">there</a><script>alert(1)</script></p><img src="a.png" alt="a tent">'), 'Hi there\n\na tent');
  });

  it('decodes named and numeric entities once', () => {
    assert.equal(htmlToText('Tom &amp; Jerry&nbsp;&mdash; caf&eacute; &#8364;5 &#x1F600; &amp;lt;'), 'Tom & Jerry — café €5 😀 &lt;');
    assert.equal(decodeEntities('&unknown; &amp &#0; &#xD800;'), '&unknown; & \ufffd \ufffd');
  });

  it('never throws on broken markup', () => {
    assert.equal(htmlToText('<p>unclosed <b>bold <a href="'), 'unclosed bold');
    assert.equal(htmlToText('a < b and c > d'), 'a < b and c > d');
    assert.equal(htmlToText(''), '');
  });
});
