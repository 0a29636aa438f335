export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The directory's filters from an address: only the known ones, one value each (a repeated ?city= counts once). */
export function directoryQuery(params: SearchParams) {
  return {
    profession: first(params.profession),
    city: first(params.city),
    language: first(params.language),
    after: first(params.after),
  };
}
