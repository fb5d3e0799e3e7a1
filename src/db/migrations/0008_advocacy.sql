CREATE TYPE "public"."point_action" AS ENUM('share', 'click', 'story_approved', 'helpful_answer');--> statement-breakpoint
CREATE TYPE "public"."share_status" AS ENUM('scheduled', 'publishing', 'published', 'opened', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."story_origin" AS ENUM('hub', 'spoke', 'feed', 'employee');--> statement-breakpoint
CREATE TYPE "public"."story_status" AS ENUM('suggested', 'draft', 'in_review', 'live', 'paused', 'expired', 'rejected');--> statement-breakpoint
CREATE TABLE "advocacy_badges" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"badge" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_badges_person_id_badge_pk" PRIMARY KEY("person_id","badge")
);
--> statement-breakpoint
CREATE TABLE "advocacy_points" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advocacy_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"action" "point_action" NOT NULL,
	"points" integer NOT NULL,
	"ref_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocacy_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocate_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"network" text NOT NULL,
	"handle" text NOT NULL,
	"server_url" text,
	"external_id" text,
	"followers" integer DEFAULT 0 NOT NULL,
	"followers_checked_at" timestamp with time zone,
	"credential" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"code" text NOT NULL,
	"day" date NOT NULL,
	"visitor" text NOT NULL,
	"clicks" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_clicks_code_day_visitor_pk" PRIMARY KEY("code","day","visitor")
);
--> statement-breakpoint
CREATE TABLE "shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"network" text NOT NULL,
	"status" "share_status" NOT NULL,
	"scheduled_for" timestamp with time zone,
	"link_code" text NOT NULL,
	"account_id" uuid,
	"reach" integer DEFAULT 0 NOT NULL,
	"policy_version" integer NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publish_attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"published_external_id" text,
	"published_url" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"image_url" text,
	"site_name" text,
	"talking_points" text[] DEFAULT '{}'::text[] NOT NULL,
	"hashtags" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_spoke_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"status" "story_status" NOT NULL,
	"origin" "story_origin" NOT NULL,
	"spoke_id" uuid,
	"created_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"feed_id" uuid,
	"feed_item_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"spoke_id" uuid,
	"auto_approve" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_polled_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracked_links" (
	"code" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"share_id" uuid,
	"target_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advocacy_badges" ADD CONSTRAINT "advocacy_badges_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_badges" ADD CONSTRAINT "advocacy_badges_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_points" ADD CONSTRAINT "advocacy_points_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_points" ADD CONSTRAINT "advocacy_points_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_settings" ADD CONSTRAINT "advocacy_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_accounts" ADD CONSTRAINT "advocate_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_accounts" ADD CONSTRAINT "advocate_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_code_tracked_links_code_fk" FOREIGN KEY ("code") REFERENCES "public"."tracked_links"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_account_id_advocate_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."advocate_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_spoke_id_spokes_id_fk" FOREIGN KEY ("spoke_id") REFERENCES "public"."spokes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_reviewed_by_people_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_feed_id_story_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."story_feeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_feeds" ADD CONSTRAINT "story_feeds_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_feeds" ADD CONSTRAINT "story_feeds_spoke_id_spokes_id_fk" FOREIGN KEY ("spoke_id") REFERENCES "public"."spokes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_feeds" ADD CONSTRAINT "story_feeds_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocacy_badges_org" ON "advocacy_badges" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "advocacy_points_person" ON "advocacy_points" USING btree ("org_id","person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "advocacy_points_ref" ON "advocacy_points" USING btree ("org_id","action","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advocate_accounts_person_network" ON "advocate_accounts" USING btree ("org_id","person_id","network","handle");--> statement-breakpoint
CREATE INDEX "shares_story" ON "shares" USING btree ("story_id","created_at");--> statement-breakpoint
CREATE INDEX "shares_person" ON "shares" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "shares_org_status" ON "shares" USING btree ("org_id","status","scheduled_for");--> statement-breakpoint
CREATE INDEX "shares_org_created" ON "shares" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "stories_org_status" ON "stories" USING btree ("org_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "stories_org_url" ON "stories" USING btree ("org_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "stories_feed_item" ON "stories" USING btree ("org_id","feed_id","feed_item_key");--> statement-breakpoint
CREATE INDEX "story_feeds_due" ON "story_feeds" USING btree ("enabled","next_poll_at");--> statement-breakpoint
CREATE UNIQUE INDEX "story_feeds_org_url" ON "story_feeds" USING btree ("org_id","url");