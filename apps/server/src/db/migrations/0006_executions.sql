CREATE TABLE "execution_tests" (
	"execution_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"hidden" boolean NOT NULL,
	"verdict" text NOT NULL,
	"detail" text,
	"cpu_ms" real,
	"wall_ms" real,
	"memory_kb" integer,
	"input" text,
	"expected_output" text,
	"actual_output" text,
	"stderr" text,
	"diff" text,
	CONSTRAINT "execution_tests_execution_id_ordinal_pk" PRIMARY KEY("execution_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "executions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid,
	"interview_id" uuid,
	"problem_version_id" uuid,
	"mode" text NOT NULL,
	"language" text NOT NULL,
	"language_version" text,
	"source" text NOT NULL,
	"stdin" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"verdict" text,
	"detail" text,
	"exit_code" integer,
	"signal" text,
	"stdout" text,
	"stderr" text,
	"compile_output" text,
	"cpu_ms" real,
	"wall_ms" real,
	"memory_kb" integer,
	"tests_passed" integer,
	"tests_total" integer,
	"attempt" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "executions_mode_check" CHECK ("executions"."mode" in ('run', 'test', 'submit')),
	CONSTRAINT "executions_status_check" CHECK ("executions"."status" in ('pending', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "execution_tests" ADD CONSTRAINT "execution_tests_execution_id_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executions_user_created_idx" ON "executions" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "executions_status_created_idx" ON "executions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "executions_org_created_idx" ON "executions" USING btree ("org_id","created_at") WHERE "executions"."org_id" is not null;