import { z } from 'zod';
import { parseInput } from '../validate';
import { postBody } from './post-schemas';
import { renderMarkdown } from './render-markdown';

/** Renders a draft exactly as it would be posted; nothing is stored. */
export function previewPost(input: unknown): { html: string } {
  const { body } = parseInput(z.object({ body: postBody }), input);
  return { html: renderMarkdown(body) };
}
