import { members } from '@/db/schema';

/**
 * What anyone may see of a member, for lists. Explicit columns, so the email address
 * and password hash never leave a member query by accident.
 */
export const listedMemberColumns = {
  id: members.id,
  name: members.name,
  profession: members.profession,
  company: members.company,
  city: members.city,
  country: members.country,
  languages: members.languages,
  avatarUpdatedAt: members.avatarUpdatedAt,
};

/** A whole public profile: the listed columns plus the longer details. */
export const profileColumns = {
  ...listedMemberColumns,
  /** Shown on the profile so people know what to type to mention them. */
  handle: members.handle,
  bio: members.bio,
  website: members.website,
  socialLinks: members.socialLinks,
};

/** A member as lists show them (directory rows, the head of a profile). */
export type ListedMember = {
  id: number;
  name: string;
  profession: string | null;
  company: string | null;
  city: string | null;
  country: string | null;
  languages: string[];
  hasAvatar: boolean;
  avatarUrl: string | null;
};
