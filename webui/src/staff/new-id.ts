/**
 * An id for a part the administrator adds, from its Czech name: "Matrika a ověřování" becomes
 * `matrika-a-overovani`, with `-2`, `-3` … when taken. Ids are what devices, bookings and the
 * statistics refer to, so a part keeps its id when renamed.
 */
export function newId(name: string, taken: readonly { id: string }[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'nove';
  const ids = new Set(taken.map((t) => t.id));
  if (!ids.has(base)) return base;
  for (let n = 2; ; n++) if (!ids.has(`${base}-${n}`)) return `${base}-${n}`;
}
