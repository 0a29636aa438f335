import { expect, type APIRequestContext } from '@playwright/test';

export type PostRef = { postId: number; threadId: number; number: number; url: string };
export type ThreadJson = {
  thread: { id: number; title: string; replyCount: number };
  page: number;
  pageCount: number;
  posts: { id: number; number: number; authorName: string; bodyHtml: string | null }[];
};

/**
 * The JSON API, called with the cookies of whoever owns `request` (use `page.request`
 * for a signed-in member). No Origin header is sent, which the app accepts.
 */
export async function apiStartThread(request: APIRequestContext, slug: string, title: string, body: string): Promise<PostRef> {
  const response = await request.post(`/api/groups/${slug}/threads`, { data: { title, body } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as PostRef;
}

export async function apiReply(request: APIRequestContext, threadId: number, body: string, extra: Record<string, unknown> = {}): Promise<PostRef> {
  const response = await request.post(`/api/threads/${threadId}/posts`, { data: { body, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as PostRef;
}

export async function apiThread(request: APIRequestContext, threadId: number, page = 1): Promise<ThreadJson> {
  const response = await request.get(`/api/threads/${threadId}/posts?page=${page}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ThreadJson;
}
