import { expect, type Page } from '@playwright/test';

export class NewThreadPage {
  constructor(readonly page: Page) {}

  async open(slug: string): Promise<this> {
    await this.page.goto(`/g/${slug}/new`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Start a thread' })).toBeVisible();
    return this;
  }

  get title() {
    return this.page.getByLabel('Title');
  }

  get body() {
    return this.page.getByLabel('Your post');
  }

  /** The live preview, rendered by the server from what is typed. */
  get preview() {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  get submit() {
    return this.page.getByRole('button', { name: 'Start thread' });
  }

  /** Starts the thread and returns its id once the thread page is shown. */
  async create(title: string, body: string): Promise<number> {
    await this.title.fill(title);
    await this.body.fill(body);
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/t\/\d+\?page=1#p1$/);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    return Number(/\/t\/(\d+)/.exec(this.page.url())![1]);
  }
}
