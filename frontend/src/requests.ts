/**
 * How the annotation page and the review queue talk to the JSON API: same-origin requests with
 * the CSRF token, the server's own sentence when it refuses, and one request at a time, without
 * dropping a person's key press silently.
 */

export const NETWORK_ERROR = "Could not reach the server. Check your connection and try again.";
export const UNEXPECTED_ERROR = "Something went wrong; please reload the page.";
export const KEY_NOT_APPLIED = "A key you pressed while that was being sent was not applied: press it again.";

/** An HTTP refusal with the server's sentence and, for a refused bulk request, its per-item results. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly results: unknown[] = []) {
    super(message);
  }
}

/** Sends a same-origin request (JSON body if given); a refusal becomes an ApiError fit to show. */
export async function send(csrf: string, method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { "X-CSRF-Token": csrf, "X-Requested-With": "fetch" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(NETWORK_ERROR, 0);
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

/** The `message` (and `results`) of the server's JSON error body, or a sentence from the HTTP status. */
export async function refusal(response: Response): Promise<ApiError> {
  let message = `The server refused the request (HTTP ${response.status}).`;
  let results: unknown[] = [];
  try {
    const body = (await response.json()) as { message?: unknown; error?: unknown; results?: unknown };
    if (typeof body.message === "string" && body.message) message = body.message;
    else if (typeof body.error === "string" && body.error) message = body.error;
    if (Array.isArray(body.results)) results = body.results;
  } catch {
    // Not JSON (e.g. a proxy's error page): the sentence from the status above.
  }
  return new ApiError(message, response.status, results);
}

export type Say = (message: string, kind?: "info" | "error") => void;

/**
 * Runs one request at a time. Another asked for meanwhile is refused, not queued: it was meant
 * for the page as it was, which the answer may change. It is not lost without a word either: the
 * status says so at once, and again after the outcome of the request under way, which would
 * otherwise replace that sentence.
 */
export class OneAtATime {
  private busy = false;
  private refused = false;

  /**
   * `sessionEnded` makes what follows the server's sentence when the session has ended (a 401):
   * a way to log in again that leaves this page, and the selection on it, as they are.
   */
  constructor(
    private readonly say: Say,
    private readonly status: Pick<HTMLElement, "append">,
    private readonly busyMessage: string,
    private readonly sessionEnded?: () => string | Node,
  ) {}

  /** Starts the task unless one is under way; the promise settles once its outcome is shown. */
  run(task: () => Promise<void>): Promise<void> {
    if (this.busy) {
      this.refused = true;
      this.say(this.busyMessage);
      return Promise.resolve();
    }
    this.busy = true;
    return task()
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) console.error(error);
        this.say(error instanceof ApiError ? error.message : UNEXPECTED_ERROR, "error");
        if (error instanceof ApiError && error.status === 401 && this.sessionEnded) {
          this.status.append(" ", this.sessionEnded());
        }
      })
      .finally(() => {
        this.busy = false;
        if (this.refused) this.status.append(` ${KEY_NOT_APPLIED}`);
        this.refused = false;
      });
  }
}
