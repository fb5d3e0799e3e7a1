DROP INDEX "conversation_states_assignee";--> statement-breakpoint
CREATE INDEX "mentions_author" ON "mentions" USING btree ("org_id","author_handle");--> statement-breakpoint
CREATE INDEX "conversation_states_last_assigned" ON "conversation_states" USING btree ("assignee_id","assigned_at");--> statement-breakpoint
CREATE INDEX "conversation_states_assignee" ON "conversation_states" USING btree ("assignee_id","status");