/**
 * Where a member's avatar is served. The version (when it was last set) is part of the
 * address, so the image can be cached for a day and still change the moment a new one is set.
 */
export function avatarUrl(memberId: number, avatarUpdatedAt: Date | null): string | null {
  return avatarUpdatedAt ? `/m/${memberId}/avatar?v=${avatarUpdatedAt.getTime()}` : null;
}

export function profileUrl(memberId: number): string {
  return `/m/${memberId}`;
}
