// The columns of each impact table: what the row is (story, person, spoke, share),
// then its numbers; every earned media value with its worked sum beneath it. Stories
// and people lead to their shares.
import { DateTime } from '../../../ui/date-time.tsx';
import type { Column } from '../../../ui/table.tsx';
import {
  networkLabel, shareStatusLabels, storyStatusLabels, type MeasuredNumbers, type MeasurementRows, type MeasurementTable, type ShareStatus, type StoryStatus,
} from '../types.ts';
import { count, money } from './impact-numbers.ts';

/** What a row's "Shares" link does: show the shares table for that story or person. */
export interface ImpactRowActions {
  sharesOfStory: (storyId: string) => void;
  sharesOfPerson: (personId: string) => void;
}

function numberColumns<Row extends MeasuredNumbers>(withShares: boolean): Column<Row>[] {
  return [
    ...(withShares ? [{ header: 'Shares', cell: (row: Row) => count(row.shares) }] : []),
    { header: 'Clicks', cell: (row) => count(row.clicks) },
    { header: 'Unique clicks', cell: (row) => count(row.uniqueClicks) },
    { header: 'Reach', cell: (row) => count(row.reach) },
    {
      header: 'Earned media value',
      cell: (row) => (
        <span className="impact-value">
          <span className="impact-value__number">{money(row.earnedMediaValue)}</span>
          <span className="impact-value__sum">{row.earnedMediaValue.expression}</span>
        </span>
      ),
    },
  ];
}

const label = <Value extends string>(labels: Record<Value, string>, value: string) => labels[value as Value] ?? value;

export function impactColumns(actions: ImpactRowActions): { [Table in MeasurementTable]: Column<MeasurementRows[Table]>[] } {
  return {
    stories: [
      {
        header: 'Story',
        cell: (row) => (
          <span className="impact-row__name">
            <a href={row.url} target="_blank" rel="noopener noreferrer">{row.title}</a>
            <span className="muted"> · {label<StoryStatus>(storyStatusLabels, row.status)}</span>
          </span>
        ),
      },
      { header: 'Sharers', cell: (row) => count(row.sharers) },
      ...numberColumns<MeasurementRows['stories']>(true),
      { header: 'Details', cell: (row) => <button type="button" className="link-button" onClick={() => actions.sharesOfStory(row.storyId)} aria-label={`Shares of “${row.title}”`}>Shares</button> },
    ],
    people: [
      { header: 'Person', cell: (row) => <span className="impact-row__name">{row.name}</span> },
      { header: 'Stories', cell: (row) => count(row.stories) },
      ...numberColumns<MeasurementRows['people']>(true),
      { header: 'Details', cell: (row) => <button type="button" className="link-button" onClick={() => actions.sharesOfPerson(row.personId)} aria-label={`Shares by ${row.name}`}>Shares</button> },
    ],
    spokes: [
      { header: 'Spoke', cell: (row) => <span className="impact-row__name">{row.name}</span> },
      { header: 'Sharers', cell: (row) => count(row.sharers) },
      ...numberColumns<MeasurementRows['spokes']>(true),
    ],
    shares: [
      { header: 'Shared', cell: (row) => <DateTime value={row.sharedAt} /> },
      { header: 'Story', cell: (row) => <span className="impact-row__name">{row.storyTitle}</span> },
      { header: 'By', cell: (row) => row.personName },
      { header: 'Network', cell: (row) => `${networkLabel(row.network)} · ${label<ShareStatus>(shareStatusLabels, row.status)}` },
      // Text, not a link: following it from here would count a click.
      { header: 'Short link', cell: (row) => <code className="impact-row__link">{row.shortUrl.replace(/^https?:\/\//, '')}</code> },
      ...numberColumns<MeasurementRows['shares']>(false),
    ],
  };
}
