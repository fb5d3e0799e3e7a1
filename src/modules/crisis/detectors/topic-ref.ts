// Which organization and topic a detector watches: every alert carries both.
export interface TopicRef {
  organizationId: string;
  topicId: string;
}
