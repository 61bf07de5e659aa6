/** FNV-1a: a small, stable hash of a string (ids to phases and seeds, so that equal ids look alike on every reload). */
export function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
