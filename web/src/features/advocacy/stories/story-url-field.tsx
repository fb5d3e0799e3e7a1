// The story's address and "Read the page": the server fetches it (through its guard
// against private addresses, huge pages and redirect loops) and fills in the title,
// summary and image from its Open Graph or oEmbed metadata. A refusal says why.
import { useId } from 'react';
import { isApiError } from '../../../api/client.ts';
import { Button } from '../../../ui/button.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useReadStoryMetadata } from '../api/read-story-metadata.ts';
import type { StoryMetadata } from '../types.ts';

const reasons: Record<string, string> = {
  bad_url: 'That is not a web address Herd can read.',
  blocked_address: 'Herd does not read pages on private or internal addresses.',
  too_many_redirects: 'The page sends Herd from address to address (too many redirects, or a loop).',
  too_large: 'The page is too large to read.',
  timeout: 'The site took too long to answer.',
  unreachable: 'The site cannot be reached.',
  http_error: 'The site answered with an error.',
  not_html: 'That address is not a web page (a PDF or an image, for example).',
  no_title: 'The page has no title: type one below.',
};

/** Why a story's page could not be used, in words, from an error's `details.reason`; null for other errors. */
export function pageRefusalOf(error: Error | null): string | null {
  if (!isApiError(error, 'BAD_REQUEST')) return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reasons[reason] ?? null : null;
}

interface StoryUrlFieldProps {
  url: string;
  onUrlChange: (url: string) => void;
  onRead: (metadata: StoryMetadata) => void;
  /** A refusal of the same page when the story was saved. */
  saveError: Error | null;
}

export function StoryUrlField({ url, onUrlChange, onRead, saveError }: StoryUrlFieldProps) {
  const id = useId();
  const read = useReadStoryMetadata();
  const refusal = read.error ?? (pageRefusalOf(saveError) ? saveError : null);
  const readPage = () => {
    if (url.trim()) read.mutate(url.trim(), { onSuccess: onRead });
  };
  return (
    <div className="field story-url">
      <label className="field__label" htmlFor={id}>Address of the story</label>
      <div className="story-url__row">
        <input id={id} className="input" type="url" required value={url} placeholder="https://…" aria-invalid={refusal ? true : undefined}
          aria-describedby={`${id}-hint${refusal ? ` ${id}-problem` : ''}`}
          onChange={(event) => { read.reset(); onUrlChange(event.target.value); }}
          onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); readPage(); } }} />
        <Button onClick={readPage} busy={read.isPending} disabled={!url.trim()}>Read the page</Button>
      </div>
      <p id={`${id}-hint`} className="field__hint">A page of the company’s own: its title, summary and image are read from it. You can change them below.</p>
      {read.isPending && <Loading label="Reading the page…" />}
      {refusal && (
        <div id={`${id}-problem`} className="field__problems story-url__problem" role="alert" data-testid="story-url-problem">
          <p>{pageRefusalOf(refusal) ?? 'The page could not be read.'}</p>
          <p className="muted">{refusal.message}</p>
        </div>
      )}
      {read.isSuccess && <p className="story-url__read" role="status">Read: “{read.data.title}”{read.data.siteName && <> from {read.data.siteName}</>}.</p>}
    </div>
  );
}
