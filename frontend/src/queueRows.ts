/**
 * Queue rows read from the server for the live review queue: the queue page itself (GET /review),
 * narrowed to one annotation's project, article, author, label and status, so that a new or
 * changed row is rendered by the very template that rendered the others (quote in its sentence,
 * label colour, author, article title, age) and no row markup is repeated here.
 */
import type { QueueLabel, Status } from "./queue.js";
import type { QueueAnnotation } from "./queueLive.js";
import { ApiError, NETWORK_ERROR } from "./requests.js";

/** What one read found: the rows asked for, the table around them, and their projects' label sets. */
export interface ReadRows {
  rows: Map<number, HTMLTableRowElement>;
  /** The queue's table with its header and no rows, for a page that had none. */
  table: HTMLTableElement | null;
  /** The status line of a page with rows (how the keys work), for a page that had none. */
  intro: HTMLElement | null;
  labels: Record<string, QueueLabel[]>;
}

/** The page's largest page size (the API's): the narrowed list is usually a handful of rows. */
const LIMIT = 500;

/** The address of the queue page that holds this annotation's row, if it is waiting in `status`. */
export function rowsAddress(projectId: number, annotation: QueueAnnotation, status: Status): string {
  const params = new URLSearchParams({
    project: String(projectId),
    article: String(annotation.articleId),
    author: annotation.author,
    label: annotation.label,
    status,
    limit: String(LIMIT),
  });
  return `/review?${params}`;
}

/**
 * Reads the rows of `ids` (annotations of one project, article, author and label) from the queue
 * page at `address`, following its "Next" links until every one is found or the list ends. A row
 * not found has left the queue since its event; a later event says what became of it.
 */
export async function readRows(address: string, ids: ReadonlySet<number>): Promise<ReadRows> {
  const found: ReadRows = { rows: new Map(), table: null, intro: null, labels: {} };
  let next: string | null = address;
  while (next !== null && found.rows.size < ids.size) {
    const page = await readPage(next);
    for (const row of page.querySelectorAll<HTMLTableRowElement>("#queue tr.queue-row")) {
      const id = Number(row.dataset.id);
      if (ids.has(id)) found.rows.set(id, row);
    }
    if (found.table === null) found.table = emptyTable(page);
    found.intro ??= page.getElementById("status");
    Object.assign(found.labels, pageLabels(page));
    next = page.querySelector<HTMLAnchorElement>("#next-page")?.getAttribute("href") ?? null;
  }
  return found;
}

async function readPage(address: string): Promise<Document> {
  let response: Response;
  try {
    response = await fetch(address, { credentials: "same-origin", headers: { Accept: "text/html" } });
  } catch {
    throw new ApiError(NETWORK_ERROR, 0);
  }
  // A page whose session ended is sent to the login page, which is not the queue.
  if (response.redirected && new URL(response.url).pathname !== "/review") {
    throw new ApiError("Your session ended — log in again.", 401);
  }
  if (!response.ok) throw new ApiError(`The server refused to show the row (HTTP ${response.status}).`, response.status);
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

function emptyTable(page: Document): HTMLTableElement | null {
  const table = page.getElementById("queue");
  if (!(table instanceof HTMLTableElement)) return null;
  const copy = table.cloneNode(true) as HTMLTableElement;
  copy.tBodies[0]?.replaceChildren();
  return copy;
}

function pageLabels(page: Document): Record<string, QueueLabel[]> {
  try {
    const data = JSON.parse(page.getElementById("gloss-data")?.textContent ?? "{}") as { labels?: Record<string, QueueLabel[]> };
    return data.labels ?? {};
  } catch {
    return {};
  }
}
