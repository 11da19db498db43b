CREATE TABLE "problem_verifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "problem_verifications_status_check" CHECK ("problem_verifications"."status" in ('running', 'passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "problem_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"difficulty" text NOT NULL,
	"category" text NOT NULL,
	"tags" text[] NOT NULL,
	"statement" text NOT NULL,
	"constraints" text NOT NULL,
	"examples" jsonb NOT NULL,
	"time_limit_ms" integer NOT NULL,
	"memory_limit_mb" integer NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"comparator" jsonb NOT NULL,
	"starter_code" jsonb NOT NULL,
	"reference_solutions" jsonb NOT NULL,
	"interviewer_guide" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version_id" uuid,
	"draft_version_id" uuid,
	"created_by" uuid,
	"title" text NOT NULL,
	"difficulty" text NOT NULL,
	"category" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_title" text NOT NULL,
	"search_document" "tsvector" NOT NULL,
	"times_used" integer DEFAULT 0 NOT NULL,
	"submit_count" integer DEFAULT 0 NOT NULL,
	"accepted_count" integer DEFAULT 0 NOT NULL,
	"avg_solve_minutes" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_status_check" CHECK ("problems"."status" in ('draft', 'published', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "test_cases" (
	"version_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"input" text NOT NULL,
	"expected_output" text NOT NULL,
	"hidden" boolean NOT NULL,
	"weight" integer NOT NULL,
	"comparator" jsonb,
	CONSTRAINT "test_cases_version_id_ordinal_pk" PRIMARY KEY("version_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "verification_runs" (
	"verification_id" uuid NOT NULL,
	"language" text NOT NULL,
	"execution_id" uuid NOT NULL,
	CONSTRAINT "verification_runs_verification_id_language_pk" PRIMARY KEY("verification_id","language"),
	CONSTRAINT "verification_runs_execution_id_unique" UNIQUE("execution_id")
);
--> statement-breakpoint
ALTER TABLE "interview_questions" ADD COLUMN "problem_version_id" uuid;--> statement-breakpoint
ALTER TABLE "problem_verifications" ADD CONSTRAINT "problem_verifications_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_verifications" ADD CONSTRAINT "problem_verifications_version_id_problem_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."problem_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_verifications" ADD CONSTRAINT "problem_verifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_versions" ADD CONSTRAINT "problem_versions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_versions" ADD CONSTRAINT "problem_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_current_version_id_problem_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_draft_version_id_problem_versions_id_fk" FOREIGN KEY ("draft_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_cases" ADD CONSTRAINT "test_cases_version_id_problem_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."problem_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_runs" ADD CONSTRAINT "verification_runs_verification_id_problem_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."problem_verifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_verifications_problem_idx" ON "problem_verifications" USING btree ("problem_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_versions_problem_version_idx" ON "problem_versions" USING btree ("problem_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_public_slug_idx" ON "problems" USING btree ("slug") WHERE "problems"."org_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "problems_org_slug_idx" ON "problems" USING btree ("org_id","slug") WHERE "problems"."org_id" is not null;--> statement-breakpoint
CREATE INDEX "problems_search_title_trgm_idx" ON "problems" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "problems_search_document_idx" ON "problems" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "problems_tags_idx" ON "problems" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "problems_org_status_idx" ON "problems" USING btree ("org_id","status");--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_problem_version_id_problem_versions_id_fk" FOREIGN KEY ("problem_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_questions" ADD CONSTRAINT "interview_questions_problem_version_id_problem_versions_id_fk" FOREIGN KEY ("problem_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executions_problem_version_idx" ON "executions" USING btree ("problem_version_id") WHERE "executions"."problem_version_id" is not null;--> statement-breakpoint
CREATE INDEX "interview_questions_problem_version_idx" ON "interview_questions" USING btree ("problem_version_id") WHERE "interview_questions"."problem_version_id" is not null;--> statement-breakpoint
-- Published problem versions are immutable: interviews, executions and reports point at them.
CREATE FUNCTION "problem_versions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'problem version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "problem_versions_immutable" BEFORE UPDATE ON "problem_versions" FOR EACH ROW EXECUTE FUNCTION "problem_versions_immutable"();--> statement-breakpoint
CREATE FUNCTION "test_cases_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM problem_versions v WHERE v.id = COALESCE(NEW.version_id, OLD.version_id) AND v.published_at IS NOT NULL) THEN
    RAISE EXCEPTION 'the test cases of a published problem version cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER "test_cases_immutable_write" BEFORE INSERT OR UPDATE ON "test_cases" FOR EACH ROW EXECUTE FUNCTION "test_cases_immutable"();
