// A textarea with parts of its text marked: a backdrop behind it mirrors the text
// (same font, padding, wrapping and scroll) with <mark>s at the spans, and the
// textarea above it is transparent. The backdrop is hidden from screen readers; the
// findings list says the same in words.
import { useRef, type Ref, type TextareaHTMLAttributes } from 'react';
import { HighlightedText, type Highlight } from './highlighted-text.tsx';

interface HighlightedTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  highlights: readonly Highlight[];
  textareaRef?: Ref<HTMLTextAreaElement>;
}

export function HighlightedTextarea({ value, onChange, highlights, textareaRef, className, ...textarea }: HighlightedTextareaProps) {
  const backdropRef = useRef<HTMLDivElement>(null);
  const followScroll = (target: HTMLTextAreaElement) => {
    if (!backdropRef.current) return;
    backdropRef.current.scrollTop = target.scrollTop;
    backdropRef.current.scrollLeft = target.scrollLeft;
  };
  return (
    <div className="highlighted-textarea">
      <div ref={backdropRef} className="highlighted-textarea__backdrop input" aria-hidden="true" data-testid="composer-highlights">
        <HighlightedText text={value} highlights={highlights} />
        {/* A final line break needs something after it to take up its line, as in the textarea. */}
        {'\u200b'}
      </div>
      <textarea
        {...textarea}
        ref={textareaRef}
        className={['highlighted-textarea__input input', className].filter(Boolean).join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => followScroll(event.currentTarget)}
      />
    </div>
  );
}
