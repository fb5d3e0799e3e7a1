CREATE TYPE "public"."source_match_mode" AS ENUM('topics', 'all');--> statement-breakpoint
CREATE TYPE "public"."source_status" AS ENUM('active', 'paused');--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_mention_at" timestamp with time zone NOT NULL,
	"mention_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"conversation_id" uuid NOT NULL,
	"in_reply_to_external_id" text,
	"author_handle" text,
	"author_name" text,
	"author_followers" integer,
	"author_profile_url" text,
	"title" text,
	"text" text NOT NULL,
	"url" text,
	"site" text,
	"language" text,
	"posted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"topic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"raw" jsonb,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce("mentions"."title", '') || ' ' || "mentions"."text")) STORED,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "mentions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "source_status" DEFAULT 'active' NOT NULL,
	"match_mode" "source_match_mode" DEFAULT 'topics' NOT NULL,
	"cursor" jsonb,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_polled_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_org_last" ON "conversations" USING btree ("org_id","last_mention_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_once_per_source" ON "mentions" USING btree ("org_id","source_id","external_id");--> statement-breakpoint
CREATE INDEX "mentions_org_seq" ON "mentions" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "mentions_conversation" ON "mentions" USING btree ("conversation_id","posted_at");--> statement-breakpoint
CREATE INDEX "mentions_reply_lookup" ON "mentions" USING btree ("source_id","in_reply_to_external_id");--> statement-breakpoint
CREATE INDEX "mentions_topics" ON "mentions" USING gin ("topic_ids");--> statement-breakpoint
CREATE INDEX "mentions_search" ON "mentions" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_org_name_unique" ON "sources" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "sources_due" ON "sources" USING btree ("status","next_poll_at");--> statement-breakpoint
CREATE UNIQUE INDEX "topics_org_name_unique" ON "topics" USING btree ("org_id",lower("name"));