CREATE TYPE "public"."category_decider" AS ENUM('model', 'rule', 'person');--> statement-breakpoint
CREATE TYPE "public"."example_origin" AS ENUM('manual', 'imported', 'corrected', 'resolved', 'rerouted');--> statement-breakpoint
CREATE TYPE "public"."sentiment_label" AS ENUM('negative', 'neutral', 'positive');--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_accuracy" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "category_accuracy_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"measured_at" timestamp with time zone DEFAULT now() NOT NULL,
	"model_version" integer NOT NULL,
	"examples" integer NOT NULL,
	"tested" integer NOT NULL,
	"correct" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"text" text NOT NULL,
	"origin" "example_origin" NOT NULL,
	"mention_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"learned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "category_models" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mention_triage" (
	"mention_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"language" text,
	"language_confidence" real NOT NULL,
	"sentiment" "sentiment_label" NOT NULL,
	"sentiment_score" real NOT NULL,
	"sentiment_confidence" real NOT NULL,
	"sentiment_reasons" jsonb NOT NULL,
	"category_id" uuid,
	"category_confidence" real,
	"category_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"category_decided_by" "category_decider",
	"urgency" smallint NOT NULL,
	"urgency_reasons" jsonb NOT NULL,
	"place_spoke_id" uuid,
	"place_matched" text,
	"place_confidence" real,
	"spam" boolean NOT NULL,
	"spam_reasons" jsonb NOT NULL,
	"fingerprint" bigint,
	"band0" integer,
	"band1" integer,
	"band2" integer,
	"band3" integer,
	"duplicate_of" uuid,
	"posted_at" timestamp with time zone NOT NULL,
	"triaged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spokes" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_accuracy" ADD CONSTRAINT "category_accuracy_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_examples" ADD CONSTRAINT "category_examples_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_examples" ADD CONSTRAINT "category_examples_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_examples" ADD CONSTRAINT "category_examples_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_models" ADD CONSTRAINT "category_models_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_triage" ADD CONSTRAINT "mention_triage_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_triage" ADD CONSTRAINT "mention_triage_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_triage" ADD CONSTRAINT "mention_triage_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_triage" ADD CONSTRAINT "mention_triage_place_spoke_id_spokes_id_fk" FOREIGN KEY ("place_spoke_id") REFERENCES "public"."spokes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_org_name_unique" ON "categories" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "category_accuracy_org_time" ON "category_accuracy" USING btree ("org_id","measured_at");--> statement-breakpoint
CREATE INDEX "category_examples_org_created" ON "category_examples" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "category_examples_one_per_mention" ON "category_examples" USING btree ("org_id","mention_id");--> statement-breakpoint
CREATE INDEX "mention_triage_org_category" ON "mention_triage" USING btree ("org_id","category_id");--> statement-breakpoint
CREATE INDEX "mention_triage_org_urgency" ON "mention_triage" USING btree ("org_id","urgency");--> statement-breakpoint
CREATE INDEX "mention_triage_duplicate_of" ON "mention_triage" USING btree ("duplicate_of");--> statement-breakpoint
CREATE INDEX "mention_triage_band0" ON "mention_triage" USING btree ("org_id","band0","posted_at");--> statement-breakpoint
CREATE INDEX "mention_triage_band1" ON "mention_triage" USING btree ("org_id","band1","posted_at");--> statement-breakpoint
CREATE INDEX "mention_triage_band2" ON "mention_triage" USING btree ("org_id","band2","posted_at");--> statement-breakpoint
CREATE INDEX "mention_triage_band3" ON "mention_triage" USING btree ("org_id","band3","posted_at");