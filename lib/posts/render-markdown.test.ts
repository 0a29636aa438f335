import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders Markdown formatting', () => {
    const html = renderMarkdown('**Referral** for _you_\n\n> quoted\n\n- one\n- two');
    expect(html).toContain('<strong>Referral</strong>');
    expect(html).toContain('<em>you</em>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>one</li>');
  });

  it('marks member links nofollow ugc noopener', () => {
    expect(renderMarkdown('[site](https://example.com)')).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener">site</a>',
    );
  });

  it.each([
    ['<script>alert(1)</script>hello', /<script|alert\(1\)/],
    ['<img src=x onerror=alert(1)>', /onerror/],
    ['<svg onload=alert(1)>', /<svg|onload/],
    ['[click](javascript:alert(1))', /javascript:/],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', /data:/],
    ['<<script>x</script>script>alert(1)<</script>/script>', /<script/],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/],
    ['<a href="https://x.test" onclick="steal()">x</a>', /onclick/],
    ['![x](javascript:alert(1))', /javascript:/],
    ['<div style="position:fixed">overlay</div>', /style=|<div/],
  ])('neutralises %s', (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it('keeps the text of dropped raw HTML readable but inert', () => {
    expect(renderMarkdown('<b onmouseover="x()">bold</b>')).toBe('<p><b>bold</b></p>\n');
  });
});
