// The listening topics: named queries that pick the mentions of your brand out of every source.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PagedTable } from '../../../ui/paged-table.tsx';
import type { Column } from '../../../ui/table.tsx';
import { useTopics } from '../api/list-topics.ts';
import type { Topic } from '../types.ts';
import { useCanEdit } from '../use-can-edit.ts';
import { TopicDialog } from './topic-dialog.tsx';
import { TopicActiveToggle, TopicRowActions } from './topic-row-actions.tsx';

function topicColumns(canEdit: boolean, onEdit: (topic: Topic) => void): Column<Topic>[] {
  return [
    {
      header: 'Name',
      cell: (topic) => <Link to={`/listening/mentions?topicId=${encodeURIComponent(topic.id)}`} title="Show its mentions">{topic.name}</Link>,
    },
    { header: 'Query', cell: (topic) => <code className="topic-query">{topic.query}</code> },
    {
      header: 'Active',
      cell: (topic) => canEdit ? <TopicActiveToggle topic={topic} /> : (topic.active ? 'Yes' : 'No'),
    },
    ...(canEdit ? [{ header: 'Actions', cell: (topic: Topic) => <TopicRowActions topic={topic} onEdit={onEdit} /> }] : []),
  ];
}

/** `undefined`: no dialog; `null`: a new topic; a topic: editing it. */
type Editing = Topic | null | undefined;

export function TopicsPage() {
  const topics = useTopics();
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState<Editing>(undefined);
  const newButton = canEdit && <Button variant="primary" onClick={() => setEditing(null)}>New topic</Button>;

  return (
    <>
      <PageHeader title="Topics"
        description="Each topic is a query; every new mention is checked against the active ones."
        actions={newButton} />
      <PagedTable
        query={topics}
        caption="Topics"
        columns={topicColumns(canEdit, setEditing)}
        rowKey={(topic) => topic.id}
        empty={(
          <EmptyState title="No topics yet." action={newButton}>
            Write a query for your brand, your products or your campaign to start picking out mentions.
          </EmptyState>
        )}
      />
      {canEdit && (
        <TopicDialog topic={editing ?? undefined}
          open={editing !== undefined} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
