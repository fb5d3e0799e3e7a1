CREATE TABLE "crisis_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"detector" text NOT NULL,
	"summary" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"sample_mention_ids" uuid[] NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "crisis_detector_states" (
	"org_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"clock" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_detector_states_org_id_topic_id_pk" PRIMARY KEY("org_id","topic_id")
);
--> statement-breakpoint
ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_acknowledged_by_people_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_detector_states" ADD CONSTRAINT "crisis_detector_states_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_alerts_org_raised" ON "crisis_alerts" USING btree ("org_id","raised_at","id");--> statement-breakpoint
CREATE INDEX "crisis_alerts_org_topic" ON "crisis_alerts" USING btree ("org_id","topic_id","raised_at");