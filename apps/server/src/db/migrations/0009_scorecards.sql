CREATE TABLE "scorecard_question_scores" (
	"scorecard_id" uuid NOT NULL,
	"interview_question_id" uuid NOT NULL,
	"problem_version_id" uuid,
	"score" integer,
	"response" text DEFAULT '' NOT NULL,
	"hints" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_question_scores_scorecard_id_interview_question_id_pk" PRIMARY KEY("scorecard_id","interview_question_id"),
	CONSTRAINT "scorecard_question_scores_score_check" CHECK ("scorecard_question_scores"."score" is null or "scorecard_question_scores"."score" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "scorecard_ratings" (
	"scorecard_id" uuid NOT NULL,
	"competency_key" text NOT NULL,
	"score" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_ratings_scorecard_id_competency_key_pk" PRIMARY KEY("scorecard_id","competency_key")
);
--> statement-breakpoint
CREATE TABLE "scorecard_template_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"competencies" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"builtin_key" text,
	"current_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_templates_status_check" CHECK ("scorecard_templates"."status" in ('active', 'archived')),
	CONSTRAINT "scorecard_templates_default_active_check" CHECK (not "scorecard_templates"."is_default" or "scorecard_templates"."status" = 'active')
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"template_version_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"recommendation" text,
	"strengths" text DEFAULT '' NOT NULL,
	"weaknesses" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "scorecards_status_check" CHECK ("scorecards"."status" in ('draft', 'submitted')),
	CONSTRAINT "scorecards_recommendation_check" CHECK ("scorecards"."recommendation" is null or "scorecards"."recommendation" in ('strong_no_hire', 'no_hire', 'hire', 'strong_hire')),
	CONSTRAINT "scorecards_submitted_check" CHECK (("scorecards"."status" = 'submitted') = ("scorecards"."submitted_at" is not null) and ("scorecards"."status" = 'draft' or "scorecards"."recommendation" is not null))
);
--> statement-breakpoint
ALTER TABLE "scorecard_question_scores" ADD CONSTRAINT "scorecard_question_scores_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_question_scores" ADD CONSTRAINT "scorecard_question_scores_interview_question_id_interview_questions_id_fk" FOREIGN KEY ("interview_question_id") REFERENCES "public"."interview_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_question_scores" ADD CONSTRAINT "scorecard_question_scores_problem_version_id_problem_versions_id_fk" FOREIGN KEY ("problem_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_template_versions" ADD CONSTRAINT "scorecard_template_versions_template_id_scorecard_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_template_versions" ADD CONSTRAINT "scorecard_template_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_templates" ADD CONSTRAINT "scorecard_templates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_templates" ADD CONSTRAINT "scorecard_templates_current_version_id_scorecard_template_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."scorecard_template_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_templates" ADD CONSTRAINT "scorecard_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_template_version_id_scorecard_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."scorecard_template_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scorecard_question_scores_problem_version_idx" ON "scorecard_question_scores" USING btree ("problem_version_id") WHERE "scorecard_question_scores"."problem_version_id" is not null;--> statement-breakpoint
CREATE INDEX "scorecard_ratings_competency_idx" ON "scorecard_ratings" USING btree ("competency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_template_versions_template_version_idx" ON "scorecard_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE INDEX "scorecard_templates_org_idx" ON "scorecard_templates" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_templates_default_idx" ON "scorecard_templates" USING btree ("org_id") WHERE "scorecard_templates"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_templates_builtin_idx" ON "scorecard_templates" USING btree ("org_id","builtin_key") WHERE "scorecard_templates"."builtin_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_interview_author_idx" ON "scorecards" USING btree ("interview_id","author_user_id") WHERE "scorecards"."author_user_id" is not null;--> statement-breakpoint
CREATE INDEX "scorecards_author_idx" ON "scorecards" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "scorecards_template_version_idx" ON "scorecards" USING btree ("template_version_id");--> statement-breakpoint
-- Template versions never change: scorecards point at the version they were filled with.
CREATE FUNCTION "scorecard_template_versions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.template_id, NEW.version, NEW.name, NEW.description, NEW.competencies)
     IS DISTINCT FROM (OLD.template_id, OLD.version, OLD.name, OLD.description, OLD.competencies) THEN
    RAISE EXCEPTION 'scorecard template version % cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "scorecard_template_versions_immutable" BEFORE UPDATE ON "scorecard_template_versions" FOR EACH ROW EXECUTE FUNCTION "scorecard_template_versions_immutable"();--> statement-breakpoint
-- A submitted scorecard is locked: its content never changes (the author column may still be cleared).
CREATE FUNCTION "scorecards_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' AND
     (NEW.interview_id, NEW.template_version_id, NEW.status, NEW.revision, NEW.recommendation,
      NEW.strengths, NEW.weaknesses, NEW.notes, NEW.submitted_at)
     IS DISTINCT FROM (OLD.interview_id, OLD.template_version_id, OLD.status, OLD.revision, OLD.recommendation,
      OLD.strengths, OLD.weaknesses, OLD.notes, OLD.submitted_at) THEN
    RAISE EXCEPTION 'scorecard % is submitted and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "scorecards_locked" BEFORE UPDATE ON "scorecards" FOR EACH ROW EXECUTE FUNCTION "scorecards_locked"();--> statement-breakpoint
-- Ratings and question scores of a submitted scorecard cannot be added or changed (deletes cascade from the interview).
CREATE FUNCTION "scorecard_rows_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only the problem version reference may change on its own (set null when that version is deleted).
  IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'problem_version_id' = to_jsonb(OLD) - 'problem_version_id' THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM scorecards s WHERE s.id = NEW.scorecard_id AND s.status = 'submitted') THEN
    RAISE EXCEPTION 'scorecard % is submitted and cannot change', NEW.scorecard_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "scorecard_ratings_locked" BEFORE INSERT OR UPDATE ON "scorecard_ratings" FOR EACH ROW EXECUTE FUNCTION "scorecard_rows_locked"();--> statement-breakpoint
CREATE TRIGGER "scorecard_question_scores_locked" BEFORE INSERT OR UPDATE ON "scorecard_question_scores" FOR EACH ROW EXECUTE FUNCTION "scorecard_rows_locked"();
