import { Fragment } from 'react';
import type { HighlightSegment } from '@/lib/search/highlight';

/** Text with the matched words in <mark>: rendered as text, so nothing in it is ever markup. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>));
}
