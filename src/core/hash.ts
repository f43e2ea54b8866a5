// A hash of text, in place: no string is cut out to hash it. Pure; no Node API.

/** FNV-1a's starting value and multiplier, for a hash made a code unit at a time (codeSets.ts). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the code units of text[from, to), as a 32-bit integer. */
export function fnv1a(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash;
}
