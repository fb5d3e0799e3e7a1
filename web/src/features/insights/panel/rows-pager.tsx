import { Button } from '../../../ui/button.tsx';
import { count } from '../insights-format.ts';
import type { Paged } from '../types.ts';

/** The server's page of people when none is asked for. */
const PAGE_SIZE = 50;

interface RowsPagerProps {
  answer: Paged & { rows: unknown[] };
  offset: number;
  onOffset: (offset: number) => void;
}

/** "1–50 of 120 people" and the way to the next and previous pages; nothing when they all fit. */
export function RowsPager({ answer, offset, onOffset }: RowsPagerProps) {
  if (offset === 0 && answer.nextOffset === null) return null;
  return (
    <div className="insights-pager">
      <span className="muted" data-testid="insights-pager">{`${count(offset + 1)}–${count(offset + answer.rows.length)} of ${count(answer.total)} people, busiest first`}</span>
      <Button disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>Previous</Button>
      <Button disabled={answer.nextOffset === null} onClick={() => answer.nextOffset !== null && onOffset(answer.nextOffset)}>Next</Button>
    </div>
  );
}
