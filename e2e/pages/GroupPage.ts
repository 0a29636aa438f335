import { expect, type Page } from '@playwright/test';

export class GroupPage {
  constructor(readonly page: Page) {}

  async open(slug: string): Promise<this> {
    await this.page.goto(`/g/${slug}`);
    return this;
  }

  get startThreadLink() {
    return this.page.getByRole('link', { name: 'Start a thread' });
  }

  get joinButton() {
    return this.page.getByRole('button', { name: 'Join this group' });
  }

  /** Joins the open group shown and waits until the member may post. */
  async join(): Promise<void> {
    await this.joinButton.click();
    await expect(this.startThreadLink).toBeVisible();
    await expect(this.joinButton).toHaveCount(0);
  }

  get threadTable() {
    return this.page.getByRole('table');
  }
}
