/** A language's name in the reader's own language ("ar" → "Arabic", or "arabe" in French), or the code if unknown. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    // Imported profiles may hold codes Intl does not accept.
    return code;
  }
}

/** "Arabic, French and English", as the reader's language writes a list. */
export function languageList(codes: string[], locale: string): string {
  return new Intl.ListFormat([locale], { type: 'conjunction' }).format(codes.map((code) => languageName(code, locale)));
}
