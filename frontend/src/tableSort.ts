/**
 * Sorting a table's rows by one column, without the DOM: numbers as numbers, text as a person
 * reads it (case and accents aside), empty cells last whichever way, ties kept in their order.
 */
export type Direction = 1 | -1;

/** The row indexes in their new order, sorting by the cell values given (one per row). */
export function sortedOrder(values: readonly string[], numeric: boolean, direction: Direction): number[] {
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  const keyed = values.map((value, index) => ({ index, value: value.trim() }));
  return keyed.sort((a, b) => {
    const aEmpty = a.value === "" || (numeric && Number.isNaN(Number(a.value)));
    const bEmpty = b.value === "" || (numeric && Number.isNaN(Number(b.value)));
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
    const order = numeric ? Number(a.value) - Number(b.value) : collator.compare(a.value, b.value);
    return order === 0 ? a.index - b.index : order * direction;
  }).map((row) => row.index);
}

/** The direction of the next sort: a new column starts ascending for text and descending for numbers (biggest first); the same column turns over. */
export function nextDirection(sameColumn: boolean, current: Direction, numeric: boolean): Direction {
  if (sameColumn) return current === 1 ? -1 : 1;
  return numeric ? -1 : 1;
}
