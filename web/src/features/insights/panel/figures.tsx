// The headline numbers of a dashboard as cards, each with how it moved since the period
// before (when compared), or the same as a table: measure, this period, the period
// before, change. A figure says how to read its numbers through its format.
import type { ReactNode } from 'react';
import { Table } from '../../../ui/table.tsx';
import { count, durationWords, percent } from '../insights-format.ts';
import { Delta, type Better } from './delta.tsx';
import { Duration } from './duration.tsx';

export interface FigureFormat {
  show: (value: number | null) => ReactNode;
  words: (value: number) => string;
  kind: 'amount' | 'rate';
}

export const countFormat: FigureFormat = { show: (value) => (value === null ? '—' : count(value)), words: count, kind: 'amount' };
export const rateFormat: FigureFormat = { show: percent, words: percent, kind: 'rate' };
export const durationFormat: FigureFormat = { show: (value) => <Duration seconds={value} />, words: durationWords, kind: 'amount' };

export interface Figure<Numbers> {
  key: string;
  label: string;
  value: (numbers: Numbers) => number | null;
  format: FigureFormat;
  better: Better;
  hint?: (numbers: Numbers) => ReactNode;
}

interface FiguresProps<Numbers> {
  /** Names the figures for screen readers, e.g. "Response times". */
  label: string;
  figures: Figure<Numbers>[];
  current: Numbers;
  /** The period before; left out when not compared. */
  previous?: Numbers;
}

function deltaOf<Numbers>(figure: Figure<Numbers>, current: Numbers, previous: Numbers) {
  const before = figure.value(previous);
  return <Delta current={figure.value(current)} previous={before} kind={figure.format.kind} better={figure.better} previousText={before === null ? '—' : figure.format.words(before)} />;
}

export function Figures<Numbers>({ label, figures, current, previous }: FiguresProps<Numbers>) {
  return (
    <dl className="insights-figures" aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.key} className="insights-figure" data-testid={`figure-${figure.key}`}>
          <dt>{figure.label}</dt>
          <dd className="insights-figure__value">{figure.format.show(figure.value(current))}</dd>
          {previous !== undefined && <dd className="insights-figure__change">{deltaOf(figure, current, previous)}</dd>}
          {figure.hint && <dd className="insights-figure__hint muted">{figure.hint(current)}</dd>}
        </div>
      ))}
    </dl>
  );
}

export function FiguresTable<Numbers>({ label, figures, current, previous }: FiguresProps<Numbers>) {
  return (
    <Table caption={label} rowKey={(figure) => figure.key} rows={figures} columns={[
      { header: 'Measure', cell: (figure) => figure.label },
      { header: 'This period', cell: (figure) => figure.format.show(figure.value(current)) },
      ...(previous === undefined ? [] : [
        { header: 'Period before', cell: (figure: Figure<Numbers>) => figure.format.show(figure.value(previous)) },
        { header: 'Change', cell: (figure: Figure<Numbers>) => deltaOf(figure, current, previous) },
      ]),
    ]} />
  );
}
