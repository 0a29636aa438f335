import { z } from 'zod';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is limited to ${max} characters.`)
    .transform((v) => v || null)
    .nullish();

/** The settings an owner can change. */
export const groupSettingsSchema = z.object({
  name: z.string({ error: 'Give the group a name.' }).trim().min(2, 'Give the group a name.').max(120, 'Names are limited to 120 characters.'),
  description: z.string().trim().max(2000, 'Descriptions are limited to 2,000 characters.').default(''),
  city: optionalText(80, 'City'),
  region: optionalText(80, 'Region'),
  visibility: z.enum(['public', 'private'], 'Choose who can read the group.'),
  joinPolicy: z.enum(['open', 'request', 'invite'], 'Choose how people join.'),
  postingPolicy: z.enum(['members', 'signed_in'], 'Choose who can post.'),
  // A checkbox sends "on" or nothing; the JSON API sends a boolean.
  onePerProfession: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

export const groupSlug = z
  .string({ error: 'Choose an address for the group.' })
  .trim()
  .toLowerCase()
  .min(2, 'Addresses need at least 2 characters.')
  .max(60, 'Addresses are limited to 60 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens.');

export const slugInput = z.object({ groupSlug: z.string({ error: 'Choose a group.' }).min(1, 'Choose a group.').max(100) });
