CREATE TABLE "search_recent_posts" (
	"post_id" integer PRIMARY KEY NOT NULL,
	"thread_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"is_opening" boolean NOT NULL,
	"config" text NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_recent_posts" ADD CONSTRAINT "search_recent_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The newest 100,000 indexed posts (RECENT_WINDOW), before their word index is built.
INSERT INTO "search_recent_posts" SELECT "post_id", "thread_id", "group_id", "author_id", "posted_at", "is_opening", "config", "document" FROM "search_posts" WHERE "post_id" > (SELECT coalesce(max("post_id"), 0) - 100000 FROM "search_posts");
--> statement-breakpoint
CREATE INDEX "search_recent_posts_document_idx" ON "search_recent_posts" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_recent_posts_thread_idx" ON "search_recent_posts" USING btree ("thread_id");