// The first free name in the series base, base-2, base-3 … — for unique
// handles and codes made from a person's names ("linen-shirt-2", "TMALL-2").
export function firstFree(base: string, taken: (candidate: string) => boolean): string {
  let candidate = base;
  for (let n = 2; taken(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}
