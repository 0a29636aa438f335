CREATE TABLE "group_silences" (
	"group_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"silenced_by_id" integer NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_silences_group_id_member_id_pk" PRIMARY KEY("group_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "suspended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD COLUMN "member_id" integer;--> statement-breakpoint
ALTER TABLE "group_silences" ADD CONSTRAINT "group_silences_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_silences" ADD CONSTRAINT "group_silences_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_silences" ADD CONSTRAINT "group_silences_silenced_by_id_members_id_fk" FOREIGN KEY ("silenced_by_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_silences_member_idx" ON "group_silences" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "group_silences_silenced_by_idx" ON "group_silences" USING btree ("silenced_by_id");--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_merged_into_id_threads_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_log_member_idx" ON "moderation_log" USING btree ("member_id");