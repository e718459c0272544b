/**
 * The connection line of a live page (the article page, the review queue, a dataset's build): "Offline —
 * reconnecting…" while a stream is down, the server's sentence when it refused one (with the way
 * back after the session ended), nothing while every stream is open. A page may follow several
 * streams (the queue: one per project); the line shows the worst of them.
 */
import type { Connection } from "./live.js";
import { loginAgainLink } from "./page.js";
import { ApiError } from "./requests.js";

export const OFFLINE = "Offline — reconnecting…";
export const NO_LIVE = "This browser cannot show others' changes as they happen: reload the page to see them.";

/** One stream's last report. */
export interface StreamState {
  state: Connection;
  why?: unknown;
}

const SEVERITY: Record<Connection, number> = { open: 0, offline: 1, unsupported: 2 };

/**
 * The state of the page from its streams' reports: the worst one (a refusal the server explained
 * before a plain drop), or null while some stream has not reported yet (still connecting).
 */
export function combined(reports: ReadonlyMap<string, StreamState>, streams: number): StreamState | null {
  let worst: StreamState | null = null;
  for (const report of reports.values()) {
    const worse = worst === null || SEVERITY[report.state] > SEVERITY[worst.state]
      || (report.state === worst.state && explained(report.why) && !explained(worst.why));
    if (worse) worst = report;
  }
  if (worst === null || (worst.state === "open" && reports.size < streams)) return null;
  return worst;
}

/** A refusal the server answered (a network failure is just being offline). */
function explained(why: unknown): why is ApiError {
  return why instanceof ApiError && why.status > 0;
}

/**
 * Shows the streams' state in `line` and as `data-live` on `root` ("open", "offline",
 * "unsupported"), which the pages' tests wait for.
 */
export class LiveStatus {
  private readonly reports = new Map<string, StreamState>();

  /** `unsupported`: what the page says in a browser without EventSource. */
  constructor(private readonly root: HTMLElement, private readonly line: HTMLElement, private readonly streams = 1,
    private readonly unsupported = NO_LIVE) {}

  /** What one stream reports to (LiveStream's onConnection). */
  reporter(stream: string): (state: Connection, why?: unknown) => void {
    return (state, why) => {
      this.reports.set(stream, { state, why });
      this.show();
    };
  }

  /** Says that the page does not follow changes, and why (e.g. too many projects). */
  off(sentence: string): void {
    this.root.dataset.live = "off";
    this.line.dataset.state = "off";
    this.line.textContent = sentence;
  }

  private show(): void {
    const shown = combined(this.reports, this.streams);
    if (shown === null) return;
    const { state, why } = shown;
    this.root.dataset.live = state;
    this.line.dataset.state = state;
    if (state === "open") {
      this.line.replaceChildren();
    } else if (state === "unsupported") {
      this.line.textContent = this.unsupported;
    } else if (explained(why)) {
      // The server's sentence, and for an ended session the way back.
      this.line.replaceChildren(`Live updates paused: ${why.message} `);
      if (why.status === 401) {
        const link = loginAgainLink();
        link.textContent = "Log in again (new tab); the updates resume by themselves.";
        this.line.append(link);
      }
    } else {
      this.line.textContent = OFFLINE;
    }
  }
}
