// Live feedback under the query box: where the syntax breaks, or what the query
// would have matched among recent mentions.
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { useDebouncedValue } from '../../../ui/use-debounced-value.ts';
import { useTopicQueryTest } from '../api/test-topic-query.ts';
import type { QuerySyntaxError } from '../types.ts';
import { Highlight } from './highlight.tsx';

/** The query with the character at the error's position marked (a blank one past the end). */
function ErrorPreview({ query, error }: { query: string; error: QuerySyntaxError }) {
  const at = Math.min(Math.max(0, error.position), query.length);
  const expected = Array.isArray(error.expected) ? error.expected.join(', ') : error.expected;
  return (
    <div className="query-check query-check--invalid">
      <p className="query-check__message">{error.message}{expected ? ` Expected: ${expected}.` : ''}</p>
      <pre className="query-check__preview" aria-label={`Query with the problem at character ${at + 1}`}>
        {query.slice(0, at)}
        <mark className="query-check__error">{query.slice(at, at + 1) || ' '}</mark>
        {query.slice(at + 1)}
      </pre>
    </div>
  );
}

export function QueryCheck({ query }: { query: string }) {
  const checked = useDebouncedValue(query, 300);
  const test = useTopicQueryTest(checked);

  if (checked.trim() === '') return <p className="query-check muted">Type a query to check it against recent mentions.</p>;
  if (test.isPending) return <p className="query-check muted" role="status">Checking…</p>;
  if (test.isError) return <ErrorState error={test.error} onRetry={() => void test.refetch()} />;

  const result = test.data;
  const stale = checked !== query || test.isPlaceholderData;
  return (
    <div aria-live="polite" aria-busy={stale || undefined} className={stale ? 'query-check--stale' : undefined}>
      {!result.valid ? <ErrorPreview query={checked} error={result.error} /> : (
        <div className="query-check">
          <p className="query-check__summary"><strong>{result.matches.length}</strong> of {result.sampled} recent mentions match.</p>
          {result.matches.length > 0 && (
            <ul className="plain-list query-check__matches">
              {result.matches.map(({ mention, matchedTerms }) => (
                <li key={mention.id}>
                  <p className="muted small">
                    {mention.authorHandle ? `@${mention.authorHandle} · ` : ''}{mention.sourceName} · <DateTime value={mention.postedAt} />
                  </p>
                  <p><Highlight text={mention.text} terms={matchedTerms} /></p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
