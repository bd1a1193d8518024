/**
 * f, remembering its result for each text it was given. Cells often repeat ("-", agency lists, a KPI
 * or a sentence copied down a column), so whatever judges a cell by its text alone judges each text once.
 * Make one per check: the memory lives as long as the returned function.
 */
export function perText<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T;
    const result = f(text);
    seen.set(text, result);
    return result;
  };
}
