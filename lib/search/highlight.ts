import { MARK_END, MARK_START } from './engine';
import { escapeHtml } from '../mail/escape-html';

export type HighlightSegment = { text: string; match: boolean };

/** Engine output split into plain and matched runs, for React to render as text and <mark>. */
export function highlightSegments(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const part of marked.split(MARK_START)) {
    const end = part.indexOf(MARK_END);
    if (end >= 0) segments.push({ text: part.slice(0, end), match: true }, { text: part.slice(end + 1), match: false });
    else segments.push({ text: part, match: false });
  }
  return segments.filter((s) => s.text.length > 0);
}

/** The same as HTML for the JSON API: text escaped, matches in <mark>. */
export function highlightHtml(marked: string): string {
  return highlightSegments(marked)
    .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}
