CREATE TABLE "crisis_fed_mentions" (
	"org_id" uuid NOT NULL,
	"mention_id" uuid NOT NULL,
	"fed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_fed_mentions_org_id_mention_id_pk" PRIMARY KEY("org_id","mention_id")
);
--> statement-breakpoint
CREATE TABLE "crisis_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"topic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"crisis_team_spoke_id" uuid,
	"opened_from_alert_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"routing_rule_id" uuid,
	"holds_advocacy_pause" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_timeline_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb
);
--> statement-breakpoint
ALTER TABLE "crisis_alerts" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crisis_fed_mentions" ADD CONSTRAINT "crisis_fed_mentions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_settings" ADD CONSTRAINT "crisis_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_crisis_team_spoke_id_spokes_id_fk" FOREIGN KEY ("crisis_team_spoke_id") REFERENCES "public"."spokes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_timeline_entries" ADD CONSTRAINT "crisis_timeline_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_timeline_entries" ADD CONSTRAINT "crisis_timeline_entries_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_timeline_entries" ADD CONSTRAINT "crisis_timeline_entries_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_fed_mentions_org_fed" ON "crisis_fed_mentions" USING btree ("org_id","fed_at");--> statement-breakpoint
CREATE INDEX "crises_org_opened" ON "crises" USING btree ("org_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "crises_org_status" ON "crises" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "crisis_timeline_entries_crisis_at" ON "crisis_timeline_entries" USING btree ("crisis_id","at","id");