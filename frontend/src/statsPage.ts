/**
 * The statistics page: its tables sort by the column whose heading is clicked (or activated with
 * the keyboard: the headings are buttons), again the other way; `aria-sort` says which and how.
 */
import { type Direction, nextDirection, sortedOrder } from "./tableSort.js";

function sortable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  const headings = [...table.querySelectorAll<HTMLTableCellElement>("thead th")];
  let sortedBy = -1;
  let direction: Direction = 1;
  headings.forEach((heading, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...heading.childNodes);
    heading.append(button);
    button.addEventListener("click", () => {
      const numeric = heading.hasAttribute("data-numeric");
      direction = nextDirection(sortedBy === column, direction, numeric);
      sortedBy = column;
      const rows = [...body.rows];
      const values = rows.map((row) => {
        const cell = row.cells[column];
        return cell?.dataset.value ?? cell?.textContent ?? "";
      });
      body.append(...sortedOrder(values, numeric, direction).map((index) => rows[index]));
      for (const other of headings) other.removeAttribute("aria-sort");
      heading.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
    });
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) sortable(table);
