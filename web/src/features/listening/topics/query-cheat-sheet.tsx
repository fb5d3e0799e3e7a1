// The topic query syntax on one card, folded away until asked for.
const rows: [example: string, meaning: string][] = [
  ['refund delay', 'Both terms, anywhere in the post'],
  ['"exact phrase"', 'These words, in this order'],
  ['refund AND delay', 'Both terms (the same as a space)'],
  ['refund OR chargeback', 'Either term'],
  ['refund NOT scam', 'The first, but not the second'],
  ['(refund OR return) AND late', 'Group with parentheses'],
  ['refund NEAR/3 late', 'Within 3 words of each other, either order'],
  ['refund ONEAR/3 late', 'Within 3 words, in this order'],
  ['refund*', 'Words starting with refund: refunds, refunded…'],
  ['#hashtag', 'A hashtag'],
  ['@handle', 'Mentions of an account'],
  ['author:handle', 'Posts by this author'],
  ['lang:de', 'Posts in this language (two letters)'],
  ['source:name', 'Posts from this source'],
  ['site:example.com', 'Posts on this site'],
  ['place:Berlin', 'Posts from this place'],
  ['followers:[1000 TO *]', 'Authors with at least 1000 followers'],
];

export function QueryCheatSheet() {
  return (
    <details className="cheat-sheet">
      <summary>Query syntax help</summary>
      <table className="cheat-sheet__table">
        <caption className="visually-hidden">Query syntax</caption>
        <thead><tr><th scope="col">Write</th><th scope="col">To find</th></tr></thead>
        <tbody>
          {rows.map(([example, meaning]) => (
            <tr key={example}><td><code>{example}</code></td><td>{meaning}</td></tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
