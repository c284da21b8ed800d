// How far the scrolling keys move a panel or a cursor: one line, one page, or to either end. Shared by the
// panels that scroll (the story panel, the diff view) so the keys mean the same everywhere.

/** The move of a binding id (up, down, pgup, pgdn, top, bottom); undefined for any other binding. */
export function scrollDelta(id: string | undefined, page: number, total: number): number | undefined {
  switch (id) {
    case 'up':
      return -1;
    case 'down':
      return 1;
    case 'pgup':
      return -page;
    case 'pgdn':
      return page;
    case 'top':
      return -total;
    case 'bottom':
      return total;
    default:
      return undefined;
  }
}
