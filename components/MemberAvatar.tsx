const PIXELS = { small: 56, large: 128 } as const;

/**
 * A member's photo, or their initials in a circle when they have none. With an empty `alt`
 * the photo is decoration beside the name; give one where the photo stands on its own.
 */
export function MemberAvatar({ name, src, size, alt = '' }: { name: string; src: string | null; size: keyof typeof PIXELS; alt?: string }) {
  if (src) {
    // A plain <img>: the stored image is already a small WebP, nothing for an optimiser to do.
    return <img className={`member-avatar ${size}`} src={src} alt={alt} width={PIXELS[size]} height={PIXELS[size]} decoding="async" />;
  }
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => Array.from(word)[0]!.toLocaleUpperCase())
    .join('');
  return (
    <span className={`member-avatar initials ${size}`} aria-hidden="true">
      {initials}
    </span>
  );
}
