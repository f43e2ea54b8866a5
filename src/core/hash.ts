// A hash of text, in place: no string is cut out to hash it. Pure; no Node API.

/** FNV-1a over the code units of text[from, to), as a 32-bit integer. */
export function fnv1a(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}
