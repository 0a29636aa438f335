/** An id from the URL, or -1 (which matches nothing) when it is not a plausible one. */
export function idParam(raw: string): number {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 && id < 2 ** 31 ? id : -1;
}
