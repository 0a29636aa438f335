import { expect, type Page } from '@playwright/test';

/** The header's search box (on every page) and the /search results page. */
export class SearchPage {
  constructor(readonly page: Page) {}

  get headerBox() {
    return this.page.getByRole('banner').getByRole('combobox');
  }

  get suggestions() {
    return this.page.getByRole('listbox');
  }

  get results() {
    return this.page.locator('.search-results > li');
  }

  get count() {
    return this.page.locator('#search-results ~ p[role="status"]');
  }

  async open(query: string, params: Record<string, string> = {}): Promise<this> {
    await this.page.goto(`/search?${new URLSearchParams({ q: query, ...params })}`);
    return this;
  }

  /**
   * Searches until the thread shows: the index follows the database within about a
   * second (the search worker drains its outbox), so a post made a moment ago may need a retry.
   */
  async expectToFind(query: string, threadId: number): Promise<void> {
    await expect(async () => {
      await this.open(query);
      await expect(this.results.locator(`a[href^="/t/${threadId}?"]`).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  }
}
