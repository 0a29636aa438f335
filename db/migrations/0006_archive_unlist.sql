ALTER TABLE "threads" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "unlisted" boolean DEFAULT false NOT NULL;