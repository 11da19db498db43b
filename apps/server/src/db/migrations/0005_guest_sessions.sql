CREATE TABLE "guest_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"interview_id" uuid NOT NULL,
	"role" text NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "guest_sessions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "guest_sessions_role_check" CHECK ("guest_sessions"."role" in ('candidate', 'interviewer', 'observer'))
);
--> statement-breakpoint
CREATE INDEX "guest_sessions_interview_idx" ON "guest_sessions" USING btree ("interview_id");