/**
 * Live changes on the annotation page, without the DOM: what an event from the article's stream
 * (GET /api/articles/{id}/events) does to the page's annotations, when drawing it must wait for
 * the person to finish what they are doing, who else is on the article, and keeping a stream (an
 * article's, or a project's for the review queue) open across dropped connections and failures.
 */

export type ChangeType = "created" | "updated" | "deleted" | "decided";

const CHANGE_TYPES: readonly string[] = ["created", "updated", "deleted", "decided"];

/** What the page needs of any annotation to tell an event's copy from the one it holds. */
export interface Versioned {
  id: number;
  version: number;
}

/** The data of an `annotation` event. For "deleted", the annotation as it was. */
export interface Change<A extends Versioned = Versioned> {
  type: ChangeType;
  annotation: A;
}

/** An `annotation` event's data, or null when it is not one the page understands. */
export function parseChange<A extends Versioned>(data: string): Change<A> | null {
  const change = parseRecordChange<A>(data, "annotation");
  return change && { type: change.type, annotation: change.record };
}

/** A `relation` event's data (`{type, relation}`), or null when it is not one the page understands. */
export function parseRelationChange<R extends Versioned>(data: string): { type: ChangeType; relation: R } | null {
  const change = parseRecordChange<R>(data, "relation");
  return change && { type: change.type, relation: change.record };
}

/** The type of a change event and its record, which the data holds under the event's name. */
function parseRecordChange<A extends Versioned>(data: string, name: string): { type: ChangeType; record: A } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { type } = parsed as { type?: unknown };
  const record = (parsed as Record<string, unknown>)[name];
  if (typeof type !== "string" || !CHANGE_TYPES.includes(type)) return null;
  if (typeof record !== "object" || record === null) return null;
  const { id, version } = record as { id?: unknown; version?: unknown };
  if (!Number.isInteger(id) || !Number.isInteger(version)) return null;
  return { type: type as ChangeType, record: record as A };
}

/** A `presence` event's users, or null when the data is not a list of names. */
export function parsePresence(data: string): string[] | null {
  try {
    const { users } = JSON.parse(data) as { users?: unknown };
    return Array.isArray(users) && users.every((user) => typeof user === "string") ? users : null;
  } catch {
    return null;
  }
}

/** The sentence for who else has the article open: others only, empty when nobody else. */
export function othersHere(users: readonly string[], me: string): string {
  const others = [...new Set(users)].filter((user) => user !== me);
  return others.length === 0 ? "" : `Also here: ${others.join(", ")}`;
}

/**
 * The page's annotations (or relations) as the events change them. The person's own changes come
 * back as events too, after the answer the page drew them from: an event no newer than the copy
 * held is ignored.
 */
export class LiveRecords<A extends Versioned> {
  /** Ids deleted while the page is open. Ids are never reused, so no late event brings one back. */
  private readonly deleted = new Set<number>();

  /** `store` keeps an annotation in `annotations` if the page can draw it, and says whether it did. */
  constructor(private readonly annotations: Map<number, A>, private readonly store: (annotation: A) => boolean) {}

  /** Applies one change; true when the annotations changed (the page must redraw). */
  apply(change: Change<A>): boolean {
    return this.applyRecord(change.type, change.annotation);
  }

  /** Applies what happened to one record; true when the records held changed. */
  applyRecord(type: ChangeType, record: A): boolean {
    const { id, version } = record;
    if (type === "deleted") return this.remove(id);
    if (this.deleted.has(id)) return false;
    const held = this.annotations.get(id);
    if (held && version <= held.version) return false;
    return this.store(record);
  }

  /** Removes an annotation (deleted here or elsewhere); true when the page held it. */
  remove(id: number): boolean {
    this.deleted.add(id);
    return this.annotations.delete(id);
  }
}

/** What the person is doing that a redraw would disturb. */
export interface Activity {
  /** Making a selection in the article text (a button held down there), or holding one there. */
  selecting: boolean;
  /** The annotation whose details panel has the focus (its note or a comment being typed), or null. */
  editing: number | null;
}

/**
 * Changes waiting for the person. Redrawing the text replaces its nodes, which would break a
 * selection being dragged: while they select, every change waits. While they work in the details
 * panel of one annotation, only that annotation's changes wait (the panel is not redrawn under
 * their cursor); the others are drawn at once. Waiting changes keep their order.
 */
export class HeldChanges<A extends Versioned> {
  private held: Change<A>[] = [];

  get size(): number {
    return this.held.length;
  }

  /** Of the changes held and the new ones, those the page may draw now, in order; the rest are held. */
  take(incoming: readonly Change<A>[], activity: Activity): Change<A>[] {
    const all = [...this.held, ...incoming];
    if (activity.selecting) {
      this.held = all;
      return [];
    }
    const waits = (change: Change<A>): boolean => change.annotation.id === activity.editing;
    this.held = all.filter(waits);
    return all.filter((change) => !waits(change));
  }
}

/** The part of the browser's EventSource the page uses (a fake one in the tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data: string; lastEventId: string }) => void): void;
  close(): void;
}

/** EventSource.CLOSED: the browser gave up (an HTTP error, say) and will not reconnect by itself. */
const CLOSED = 2;

/** Waits before trying again after the browser gave up: longer each time, to a minute at most. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];

/**
 * "open": changes are arriving. "offline": the connection dropped, and is being tried again (`why`,
 * if given, is what the server said when asked). "unsupported": the browser has no EventSource.
 */
export type Connection = "open" | "offline" | "unsupported";

export interface LiveStreamOptions {
  /** The stream's address, starting after a cursor. */
  url(after: string): string;
  /** The cursor the page's data was read at. */
  after: string;
  /** Opens an EventSource; null when the browser has none. */
  connect: ((url: string) => EventSourceLike) | null;
  /** A change, with its cursor (the event's id; empty if the server sent none). */
  onChange?(change: Change, cursor: string): void;
  onPresence?(users: string[]): void;
  /** Other changes the stream carries (a project's `dataset` events, say), by event name, with their data. */
  on?: Record<string, (data: string) => void>;
  onConnection(state: Connection, why?: unknown): void;
  /**
   * After the browser gave up: resolves when the stream is worth opening again, rejects with the
   * reason otherwise (e.g. the session ended); asked again later either way.
   */
  check(): Promise<void>;
  /** setTimeout, or a fake in the tests. */
  later?(run: () => void, ms: number): void;
}

/**
 * An event stream (the article's, or the project's on the dataset page). A dropped connection is reconnected by the browser itself, which
 * sends Last-Event-ID; when the browser gives up, the stream is opened again after the last
 * cursor received, once `check` says it is worth it. The page hears of each change of state once.
 */
export class LiveStream {
  private cursor: string;
  private source: EventSourceLike | null = null;
  private failures = 0;
  private state: Connection | null = null;
  private retrying = false;
  private stopped = false;

  constructor(private readonly options: LiveStreamOptions) {
    this.cursor = options.after;
  }

  start(): void {
    this.stopped = false;
    if (this.source || this.retrying) return;
    if (this.options.connect) this.open();
    else this.report("unsupported");
  }

  /** Closes the stream, keeping its cursor: `start` opens it again after the last change received. */
  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
  }

  private open(): void {
    let source: EventSourceLike;
    try {
      source = this.options.connect!(this.options.url(this.cursor));
    } catch (error) {
      console.error("Gloss: could not open the event stream", error);
      this.report("unsupported");
      return;
    }
    this.source = source;
    source.addEventListener("open", () => {
      if (source !== this.source) return;
      this.failures = 0;
      this.report("open");
    });
    source.addEventListener("annotation", (event) => {
      if (source !== this.source) return;
      if (event.lastEventId) this.cursor = event.lastEventId;
      const change = parseChange(event.data);
      if (change) this.options.onChange?.(change, event.lastEventId);
      else console.warn("Gloss: an annotation event the page does not understand", event.data);
    });
    for (const [name, handle] of Object.entries(this.options.on ?? {})) {
      source.addEventListener(name, (event) => {
        if (source !== this.source) return;
        if (event.lastEventId) this.cursor = event.lastEventId;
        handle(event.data);
      });
    }
    source.addEventListener("presence", (event) => {
      const users = parsePresence(event.data);
      if (source === this.source && users) this.options.onPresence?.(users);
    });
    source.addEventListener("error", () => {
      if (source !== this.source) return;
      this.report("offline");
      if (source.readyState !== CLOSED) return; // the browser reconnects by itself, with Last-Event-ID
      source.close();
      this.source = null;
      this.retry();
    });
  }

  private retry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
    this.failures++;
    this.retrying = true;
    const later = this.options.later ?? ((run, ms) => void setTimeout(run, ms));
    later(() => {
      if (this.stopped) {
        this.retrying = false; // `start` opens it when the page wants it again
        return;
      }
      this.options.check().then(
        () => {
          this.retrying = false;
          if (!this.stopped) this.open();
        },
        (why: unknown) => {
          this.report("offline", why);
          this.retry();
        },
      );
    }, delay);
  }

  private report(state: Connection, why?: unknown): void {
    if (state === this.state && why === undefined) return;
    this.state = state;
    this.options.onConnection(state, why);
  }
}

/** How long a hidden page keeps its stream: a glance at another tab costs no reconnection. */
export const HIDDEN_GRACE_MS = 10_000;

/** The part of `document` that says whether the page is seen (a fake one in the tests). */
export interface Visibility {
  readonly hidden: boolean;
  addEventListener(type: "visibilitychange", listener: () => void): void;
}

/**
 * Keeps `stream` open while the page is seen. Over HTTP/1.1 a browser opens at most six
 * connections to one server and every open stream holds one, so a seventh tab of Gloss would wait
 * for any request at all: a page hidden for `HIDDEN_GRACE_MS` closes its stream, and opens it
 * again from its cursor, missing nothing, once it is shown. A page opened in a background tab
 * opens its stream when first shown. Who is on an article thus means who is looking at it.
 */
export function openWhileVisible(
  stream: { start(): void; stop(): void },
  page: Visibility,
  later: (run: () => void, ms: number) => unknown = setTimeout,
  cancel: (timer: unknown) => void = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
): void {
  let pending: unknown = null;
  const follow = (): void => {
    if (pending !== null) cancel(pending);
    pending = null;
    if (!page.hidden) {
      stream.start();
    } else {
      pending = later(() => {
        pending = null;
        if (page.hidden) stream.stop();
      }, HIDDEN_GRACE_MS);
    }
  };
  page.addEventListener("visibilitychange", follow);
  if (!page.hidden) stream.start();
}
