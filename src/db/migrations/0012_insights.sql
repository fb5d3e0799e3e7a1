CREATE TABLE "insights_advocacy_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"person_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"shares" integer DEFAULT 0 NOT NULL,
	"reach" bigint DEFAULT 0 NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"unique_clicks" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_advocacy_days_org_id_day_person_id_story_id_pk" PRIMARY KEY("org_id","day","person_id","story_id")
);
--> statement-breakpoint
CREATE TABLE "insights_conversation_counts" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"scope" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"key" uuid NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"first_responses" integer DEFAULT 0 NOT NULL,
	"first_response_seconds" bigint DEFAULT 0 NOT NULL,
	"resolutions" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" bigint DEFAULT 0 NOT NULL,
	"first_response_sla_met" integer DEFAULT 0 NOT NULL,
	"first_response_sla_missed" integer DEFAULT 0 NOT NULL,
	"resolution_sla_met" integer DEFAULT 0 NOT NULL,
	"resolution_sla_missed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_conversation_counts_org_id_period_scope_bucket_start_key_pk" PRIMARY KEY("org_id","period","scope","bucket_start","key")
);
--> statement-breakpoint
CREATE TABLE "insights_counted" (
	"org_id" uuid NOT NULL,
	"kind" smallint NOT NULL,
	"ref" uuid NOT NULL,
	CONSTRAINT "insights_counted_org_id_kind_ref_pk" PRIMARY KEY("org_id","kind","ref")
);
--> statement-breakpoint
CREATE TABLE "insights_digests" (
	"org_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"person_id" uuid NOT NULL,
	"spoke_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_digests_person_id_week_start_spoke_id_pk" PRIMARY KEY("person_id","week_start","spoke_id")
);
--> statement-breakpoint
CREATE TABLE "insights_mention_counts" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"spoke_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"topic_id" uuid NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"spam" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_mention_counts_org_id_period_spoke_id_bucket_start_topic_id_pk" PRIMARY KEY("org_id","period","spoke_id","bucket_start","topic_id")
);
--> statement-breakpoint
CREATE TABLE "insights_response_histograms" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"scope" text NOT NULL,
	"key" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"bins" integer[] NOT NULL,
	CONSTRAINT "insights_response_histograms_org_id_period_metric_scope_key_bucket_start_pk" PRIMARY KEY("org_id","period","metric","scope","key","bucket_start")
);
--> statement-breakpoint
ALTER TABLE "insights_advocacy_days" ADD CONSTRAINT "insights_advocacy_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_conversation_counts" ADD CONSTRAINT "insights_conversation_counts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_counted" ADD CONSTRAINT "insights_counted_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_digests" ADD CONSTRAINT "insights_digests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_digests" ADD CONSTRAINT "insights_digests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_mention_counts" ADD CONSTRAINT "insights_mention_counts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_response_histograms" ADD CONSTRAINT "insights_response_histograms_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insights_digests_org" ON "insights_digests" USING btree ("org_id","week_start");