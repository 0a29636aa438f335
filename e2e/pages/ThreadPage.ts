import { expect, type Page } from '@playwright/test';

/** A thread page (/t/<id>) and the actions on its posts. */
export class ThreadPage {
  constructor(readonly page: Page) {}

  async open(threadId: number, opts: { page?: number } = {}): Promise<this> {
    await this.page.goto(`/t/${threadId}${opts.page ? `?page=${opts.page}` : ''}`);
    return this;
  }

  /** Post #n, an `article#p<n>` whose accessible name is its author. */
  post(n: number) {
    return this.page.locator(`article#p${n}`);
  }

  get posts() {
    return this.page.getByRole('list', { name: 'Posts' }).getByRole('article');
  }

  get replyBody() {
    return this.page.getByLabel('Your post');
  }

  get replyButton() {
    return this.page.getByRole('button', { name: 'Post reply' });
  }

  /** Follows post #n's Quote link; the reply form then starts with a Markdown quote of it. */
  async quote(n: number): Promise<void> {
    await this.post(n).getByRole('link', { name: `Reply quoting post ${n}` }).click();
    await expect(this.page.getByRole('heading', { name: `Reply to post #${n}` })).toBeVisible();
  }

  /** Adds `text` after whatever the reply box holds, posts it, and returns the new post's number. */
  async reply(text: string, { append = false } = {}): Promise<number> {
    const before = append ? await this.replyBody.inputValue() : '';
    await this.replyBody.fill(before + text);
    await this.replyButton.click();
    await expect(this.page).toHaveURL(/\/t\/\d+(\?page=\d+)?#p\d+$/);
    const n = Number(/#p(\d+)$/.exec(this.page.url())![1]);
    await expect(this.post(n)).toBeVisible();
    return n;
  }

  /** Edits post #n through its Edit page and comes back to the thread. */
  async edit(n: number, body: string, reason?: string): Promise<void> {
    await this.post(n).getByRole('link', { name: `Edit post ${n}` }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Edit post #${n}` })).toBeVisible();
    await this.page.getByLabel('Your post').fill(body);
    if (reason !== undefined) await this.page.getByLabel('Reason for the edit (optional)').fill(reason);
    await this.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(this.page).toHaveURL(new RegExp(`/t/\\d+(\\?page=\\d+)?#p${n}$`));
  }

  /** Deletes post #n, answering the confirmation dialog with `confirm`. */
  async delete(n: number, { confirm = true } = {}): Promise<void> {
    this.page.once('dialog', (dialog) => void (confirm ? dialog.accept() : dialog.dismiss()));
    await this.post(n).getByRole('button', { name: `Delete post ${n}` }).click();
  }
}
