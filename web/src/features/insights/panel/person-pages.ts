// The person tables come a page at a time (the server's default 50, busiest first): the
// grouping and the page's start are chosen together, a new grouping starting at the top.
import { useState } from 'react';
import type { RowGrouping } from './grouping-select.tsx';

export interface PersonPages {
  grouping: RowGrouping;
  offset: number;
  setGrouping: (grouping: RowGrouping) => void;
  setOffset: (offset: number) => void;
  /** What to ask for: the page's start only per person. */
  question: { by: RowGrouping; offset?: string };
}

export function usePersonPages(initial: RowGrouping = 'spoke'): PersonPages {
  const [{ grouping, offset }, setView] = useState({ grouping: initial, offset: 0 });
  return {
    grouping, offset,
    setGrouping: (next) => setView({ grouping: next, offset: 0 }),
    setOffset: (next) => setView({ grouping, offset: next }),
    question: { by: grouping, ...(grouping === 'person' && offset > 0 && { offset: String(offset) }) },
  };
}
