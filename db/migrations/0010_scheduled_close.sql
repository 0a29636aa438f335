ALTER TABLE "threads" ADD COLUMN "close_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "close_after_idle_days" integer;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "close_scheduled_by_id" integer;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_close_scheduled_by_id_members_id_fk" FOREIGN KEY ("close_scheduled_by_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "threads_close_schedule_idx" ON "threads" USING btree ("close_at") WHERE "threads"."close_at" is not null or "threads"."close_after_idle_days" is not null;