import { test } from "node:test";
import assert from "node:assert/strict";
import {
  type Change, type Connection, type EventSourceLike, HeldChanges, LiveRecords, LiveStream, othersHere,
  HIDDEN_GRACE_MS, openWhileVisible, parseChange, parsePresence, parseRelationChange, RETRY_DELAYS_MS,
} from "./live.js";

interface Note {
  id: number;
  version: number;
  status: string;
  start: number;
}

const note = (id: number, version: number, status = "SUBMITTED", start = 0): Note => ({ id, version, status, start });
const change = (type: Change["type"], annotation: Note): Change<Note> => ({ type, annotation });

function page(...held: Note[]): { annotations: Map<number, Note>; live: LiveRecords<Note> } {
  const annotations = new Map(held.map((a) => [a.id, a]));
  // As the page does: an annotation it cannot draw (offsets outside the text) is not kept.
  const live = new LiveRecords(annotations, (a: Note) => {
    if (a.start < 0) return false;
    annotations.set(a.id, a);
    return true;
  });
  return { annotations, live };
}

test("a created annotation is added, an update or decision replaces the copy held", () => {
  const { annotations, live } = page(note(1, 0));
  assert.equal(live.apply(change("created", note(2, 0))), true);
  assert.deepEqual(annotations.get(2), note(2, 0));
  assert.equal(live.apply(change("decided", note(1, 1, "APPROVED"))), true);
  assert.equal(annotations.get(1)?.status, "APPROVED");
  assert.equal(live.apply(change("updated", note(1, 2, "SUBMITTED"))), true);
  assert.equal(annotations.get(1)?.version, 2);
});

test("an event no newer than the copy held is ignored: the person's own changes come back too", () => {
  const { annotations, live } = page(note(1, 3, "APPROVED"));
  assert.equal(live.apply(change("created", note(1, 0))), false);
  assert.equal(live.apply(change("updated", note(1, 3, "SUBMITTED"))), false);
  assert.equal(annotations.get(1)?.status, "APPROVED");
});

test("a deletion removes the annotation whatever its version, and nothing later brings it back", () => {
  const { annotations, live } = page(note(1, 5));
  assert.equal(live.apply(change("deleted", note(1, 2))), true);
  assert.equal(annotations.has(1), false);
  assert.equal(live.apply(change("deleted", note(1, 2))), false, "not held any more: nothing to redraw");
  assert.equal(live.apply(change("updated", note(1, 6))), false);
  assert.equal(annotations.has(1), false);

  // Deleted on this page: the late event of its creation does not draw it again.
  live.remove(7);
  assert.equal(live.apply(change("created", note(7, 0))), false);
  assert.equal(annotations.has(7), false);
});

test("an annotation the page cannot draw is not taken", () => {
  const { annotations, live } = page();
  assert.equal(live.apply(change("created", note(3, 0, "SUBMITTED", -1))), false);
  assert.equal(annotations.has(3), false);
});

test("while a selection is being made every change waits, in order, until it is done", () => {
  const held = new HeldChanges<Note>();
  const first = change("created", note(1, 0));
  const second = change("decided", note(1, 1, "APPROVED"));
  const other = change("created", note(2, 0));
  assert.deepEqual(held.take([first], { selecting: true, editing: null }), []);
  assert.deepEqual(held.take([second, other], { selecting: true, editing: null }), []);
  assert.equal(held.size, 3);
  assert.deepEqual(held.take([], { selecting: false, editing: null }), [first, second, other]);
  assert.equal(held.size, 0);
});

test("while a note is typed, only that annotation's changes wait; the others are drawn at once", () => {
  const held = new HeldChanges<Note>();
  const mine = change("updated", note(4, 1));
  const other = change("created", note(5, 0));
  const mineAgain = change("decided", note(4, 2, "APPROVED"));
  assert.deepEqual(held.take([mine, other], { selecting: false, editing: 4 }), [other]);
  assert.deepEqual(held.take([mineAgain], { selecting: false, editing: 4 }), []);
  assert.equal(held.size, 2);
  // Another annotation's panel now: the first one's changes are drawn, in order.
  assert.deepEqual(held.take([], { selecting: false, editing: 9 }), [mine, mineAgain]);
  assert.deepEqual(held.take([other], { selecting: false, editing: null }), [other]);
});

test("events are read defensively", () => {
  assert.deepEqual(parseChange('{"type":"decided","annotation":{"id":3,"version":1,"status":"APPROVED"}}'),
    { type: "decided", annotation: { id: 3, version: 1, status: "APPROVED" } });
  assert.equal(parseChange('{"type":"renamed","annotation":{"id":3,"version":1}}'), null);
  assert.equal(parseChange('{"type":"created","annotation":{"id":"3","version":1}}'), null);
  assert.equal(parseChange('{"type":"created"}'), null);
  assert.equal(parseChange("null"), null);
  assert.equal(parseChange("not json"), null);
  assert.deepEqual(parsePresence('{"users":["editor","reviewer"]}'), ["editor", "reviewer"]);
  assert.equal(parsePresence('{"users":[1]}'), null);
  assert.equal(parsePresence("{}"), null);
  assert.equal(parsePresence("oops"), null);
});

test("presence names the others, never oneself", () => {
  assert.equal(othersHere(["editor"], "editor"), "");
  assert.equal(othersHere([], "editor"), "");
  assert.equal(othersHere(["editor", "reviewer"], "editor"), "Also here: reviewer");
  assert.equal(othersHere(["anna", "editor", "reviewer", "anna"], "editor"), "Also here: anna, reviewer");
});

// ---- the stream ---------------------------------------------------------------------------------

type Listener = (event: { data: string; lastEventId: string }) => void;

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data = "", lastEventId = ""): void {
    if (type === "open") this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener({ data, lastEventId });
  }
  /** The connection dropped: the browser tries again by itself (CONNECTING) or gives up (CLOSED). */
  fail(givesUp: boolean): void {
    this.readyState = givesUp ? 2 : 0;
    this.emit("error");
  }
}

function stream(check: () => Promise<void> = async () => {}) {
  const sources: FakeSource[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const changes: Change[] = [];
  const presence: string[][] = [];
  const states: [Connection, unknown][] = [];
  const live = new LiveStream({
    url: (after) => `/api/articles/9/events?after=${after}`,
    after: "41",
    connect: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    onChange: (c) => changes.push(c),
    onPresence: (users) => presence.push(users),
    onConnection: (state, why) => states.push([state, why]),
    check,
    later: (run, ms) => timers.push({ run, ms }),
  });
  return { live, sources, timers, changes, presence, states };
}

const settle = (): Promise<void> => new Promise((done) => setImmediate(done));

test("the stream starts after the page's cursor and hands on changes and presence", () => {
  const { live, sources, changes, presence, states } = stream();
  live.start();
  assert.equal(sources.length, 1);
  assert.equal(sources[0].url, "/api/articles/9/events?after=41");
  sources[0].emit("open");
  sources[0].emit("presence", '{"users":["editor","reviewer"]}');
  sources[0].emit("annotation", '{"type":"created","annotation":{"id":1,"version":0}}', "42");
  sources[0].emit("annotation", "garbage", "43");
  assert.deepEqual(states, [["open", undefined]]);
  assert.deepEqual(presence, [["editor", "reviewer"]]);
  assert.deepEqual(changes, [{ type: "created", annotation: { id: 1, version: 0 } }]);
});

test("a dropped connection says offline, and the browser's own reconnection clears it", () => {
  const { live, sources, timers, states } = stream();
  live.start();
  sources[0].emit("open");
  sources[0].fail(false);
  sources[0].fail(false); // every failed attempt fires an error: said once
  assert.deepEqual(states.map(([state]) => state), ["open", "offline"]);
  assert.equal(timers.length, 0, "the browser reconnects by itself, with Last-Event-ID");
  sources[0].emit("open");
  assert.deepEqual(states.map(([state]) => state), ["open", "offline", "open"]);
  assert.equal(sources.length, 1);
});

test("when the browser gives up, the stream is opened again after the last cursor received", async () => {
  const { live, sources, timers, states } = stream();
  live.start();
  sources[0].emit("open");
  sources[0].emit("annotation", '{"type":"created","annotation":{"id":1,"version":0}}', "57");
  sources[0].fail(true);
  assert.equal(sources[0].closed, true);
  assert.deepEqual(timers.map((t) => t.ms), [RETRY_DELAYS_MS[0]]);
  timers[0].run();
  await settle();
  assert.equal(sources.length, 2);
  assert.equal(sources[1].url, "/api/articles/9/events?after=57");
  sources[1].emit("open");
  assert.deepEqual(states.map(([state]) => state), ["open", "offline", "open"]);
  // An event of the old source after it was replaced is not applied twice.
  sources[0].emit("annotation", '{"type":"created","annotation":{"id":2,"version":0}}', "58");
  sources[1].fail(true);
  timers[1].run();
  await settle();
  assert.equal(sources[2].url, "/api/articles/9/events?after=57");
});

test("while the server refuses (the session ended, say), it says why and asks again, less and less often", async () => {
  const why = new Error("Your session ended — log in again.");
  let refuse = true;
  const { live, sources, timers, states } = stream(async () => {
    if (refuse) throw why;
  });
  live.start();
  sources[0].fail(true);
  for (let i = 0; i < RETRY_DELAYS_MS.length + 1; i++) {
    timers[i].run();
    await settle();
  }
  assert.equal(sources.length, 1, "not opened while refused");
  assert.deepEqual(timers.map((t) => t.ms), [...RETRY_DELAYS_MS, 60_000, 60_000]);
  assert.deepEqual(states[0], ["offline", undefined]);
  assert.deepEqual(states[1], ["offline", why]);
  refuse = false;
  timers[timers.length - 1].run();
  await settle();
  assert.equal(sources.length, 2);
  sources[1].emit("open");
  assert.deepEqual(states[states.length - 1], ["open", undefined]);
});

test("without EventSource the page says so and carries on", () => {
  const states: Connection[] = [];
  const live = new LiveStream({
    url: () => "/x", after: "0", connect: null, onChange: () => {}, onPresence: () => {},
    onConnection: (state) => states.push(state), check: async () => {},
  });
  live.start();
  assert.deepEqual(states, ["unsupported"]);
});

test("a project's other events (dataset) reach their handler and move the cursor a reopened stream starts from", async () => {
  const sources: FakeSource[] = [];
  const timers: { run: () => void }[] = [];
  const datasets: string[] = [];
  const live = new LiveStream({
    url: (after) => `/api/projects/3/events?after=${after}`,
    after: "10",
    connect: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    on: { dataset: (data) => datasets.push(data) },
    onConnection: () => {},
    check: async () => {},
    later: (run) => timers.push({ run }),
  });
  live.start();
  sources[0].emit("open");
  sources[0].emit("dataset", '{"type":"updated","dataset":{"id":5,"state":"RUNNING","progress":0.5}}', "12");
  // An annotation event on a page that has no use for it is passed over, the cursor still moves.
  sources[0].emit("annotation", '{"type":"created","annotation":{"id":1,"version":0}}', "13");
  assert.deepEqual(datasets, ['{"type":"updated","dataset":{"id":5,"state":"RUNNING","progress":0.5}}']);
  sources[0].fail(true);
  timers[0].run();
  await settle();
  assert.equal(sources[1].url, "/api/projects/3/events?after=13");
  sources[0].emit("dataset", "late, from the replaced source", "14");
  assert.equal(datasets.length, 1);
});

// ---- only while the page is seen ----------------------------------------------------------------

class FakePage {
  hidden: boolean;
  private listener: (() => void) | null = null;
  constructor(hidden: boolean) {
    this.hidden = hidden;
  }
  addEventListener(_type: "visibilitychange", listener: () => void): void {
    this.listener = listener;
  }
  show(hidden: boolean): void {
    this.hidden = hidden;
    this.listener?.();
  }
}

function visibleStream(hidden: boolean) {
  const s = stream();
  const page = new FakePage(hidden);
  const pending = new Map<number, () => void>();
  let next = 0;
  openWhileVisible(s.live, page, (run, ms) => {
    assert.equal(ms, HIDDEN_GRACE_MS);
    pending.set(++next, run);
    return next;
  }, (timer) => pending.delete(timer as number));
  return { ...s, page, pending };
}

test("a hidden page lets its stream go after the grace, and resumes from its cursor when shown", () => {
  const { sources, page, pending } = visibleStream(false);
  assert.equal(sources.length, 1);
  sources[0].emit("open");
  sources[0].emit("annotation", '{"type":"created","annotation":{"id":1,"version":0}}', "50");
  page.show(true);
  assert.equal(sources[0].closed, false, "a glance elsewhere keeps it");
  [...pending.values()].forEach((run) => run());
  assert.equal(sources[0].closed, true, "hidden past the grace: let go");
  page.show(false);
  assert.equal(sources.length, 2);
  assert.equal(sources[1].url, "/api/articles/9/events?after=50", "from the last change received");
});

test("shown again within the grace, the page keeps its one stream", () => {
  const { sources, page, pending } = visibleStream(false);
  page.show(true);
  page.show(false);
  assert.equal(pending.size, 0, "the grace timer is cancelled");
  assert.equal(sources.length, 1);
  assert.equal(sources[0].closed, false);
});

test("a page opened in a background tab connects when first shown", () => {
  const { sources, page } = visibleStream(true);
  assert.equal(sources.length, 0);
  page.show(false);
  assert.equal(sources.length, 1);
});

test("a stream stopped while waiting to retry does not reopen by itself", async () => {
  const { live, sources, timers } = stream();
  live.start();
  sources[0].fail(true);
  live.stop();
  timers[0].run();
  await settle();
  assert.equal(sources.length, 1, "nothing opened while stopped");
  live.start();
  assert.equal(sources.length, 2);
});

test("a relation event's data is read from its own key, checked as an annotation event's is", () => {
  assert.deepEqual(parseRelationChange('{"type":"created","relation":{"id":4,"version":0,"fromId":1,"toId":2}}'),
    { type: "created", relation: { id: 4, version: 0, fromId: 1, toId: 2 } });
  assert.equal(parseRelationChange('{"type":"created","annotation":{"id":4,"version":0}}'), null);
  assert.equal(parseRelationChange('{"type":"moved","relation":{"id":4,"version":0}}'), null);
});
