DROP INDEX "moderation_log_group_idx";--> statement-breakpoint
CREATE INDEX "moderation_log_group_idx" ON "moderation_log" USING btree ("group_id","id");