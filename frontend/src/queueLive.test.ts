import { test } from "node:test";
import assert from "node:assert/strict";
import type { Change } from "./live.js";
import {
  concerns, goneOf, goneSentence, LiveQueue, matches, type QueueAnnotation, type QueueFilter,
} from "./queueLive.js";

const submitted: QueueFilter = { status: "SUBMITTED", label: null, article: null, author: null };

function note(id: number, version: number, more: Partial<QueueAnnotation> = {}): QueueAnnotation {
  return { id, articleId: 7, label: "ACTOR", status: "SUBMITTED", author: "ed", reviewer: null, comment: null, version, ...more };
}

const change = (type: Change["type"], annotation: QueueAnnotation): Change<QueueAnnotation> => ({ type, annotation });
const approved = (id: number, version: number, by = "rita"): QueueAnnotation =>
  note(id, version, { status: "APPROVED", reviewer: by });

test("an annotation belongs on the page when status and every filter set match", () => {
  assert.equal(matches(submitted, note(1, 0)), true);
  assert.equal(matches(submitted, approved(1, 1)), false);
  const narrow: QueueFilter = { status: "SUBMITTED", label: "ACTOR", article: 7, author: "ed" };
  assert.equal(matches(narrow, note(1, 0)), true);
  assert.equal(matches(narrow, note(1, 0, { label: "CLAIM" })), false);
  assert.equal(matches(narrow, note(1, 0, { articleId: 8 })), false);
  assert.equal(matches(narrow, note(1, 0, { author: "al" })), false);
  assert.equal(matches({ ...submitted, status: "APPROVED" }, approved(1, 1)), true);
});

test("only annotations of the filtered article and author can move the counts; label and status can change", () => {
  const narrow: QueueFilter = { status: "SUBMITTED", label: "ACTOR", article: 7, author: "ed" };
  assert.equal(concerns(narrow, note(1, 0, { label: "CLAIM", status: "REJECTED" })), true);
  assert.equal(concerns(narrow, note(1, 0, { articleId: 8 })), false);
  assert.equal(concerns(narrow, note(1, 0, { author: "al" })), false);
  assert.equal(concerns(submitted, note(1, 0, { articleId: 99, author: "zoe" })), true);
});

test("a new submission on the last page is read from the server and shown once", () => {
  const queue = new LiveQueue(submitted, [{ id: 1, version: 0 }], { 5: "10" }, true);
  assert.equal(queue.receive(5, "11", change("created", note(2, 0))), true);
  const work = queue.work();
  assert.deepEqual(work.leave, []);
  assert.deepEqual(work.fetch, [{ projectId: 5, annotation: note(2, 0) }]);
  assert.equal(queue.countsStale(), true);
  assert.equal(queue.countsStale(), false, "asked once per batch of events");
  assert.equal(queue.place(2, 0), true);
  assert.equal(queue.open, 2);
  assert.deepEqual(queue.work(), { leave: [], fetch: [] }, "nothing left to do");
});

test("a replay repeats cursors and older versions: each event is taken once", () => {
  const queue = new LiveQueue(submitted, [{ id: 1, version: 3 }], { 5: "10" }, true);
  assert.equal(queue.receive(5, "10", change("created", note(2, 0))), false, "the render's own cursor");
  assert.equal(queue.receive(5, "9", change("created", note(2, 0))), false);
  assert.equal(queue.receive(5, "12", change("updated", note(1, 3))), false, "the row rendered is as new");
  assert.equal(queue.countsStale(), false);
  assert.equal(queue.receive(5, "13", change("created", note(2, 0))), true);
  assert.equal(queue.receive(5, "13", change("created", note(2, 0))), false, "the same cursor again");
  assert.equal(queue.receive(6, "13", change("created", note(2, 0))), false, "the same version by another way");
  assert.equal(queue.work().fetch.length, 1);
  assert.equal(queue.receive(8, "2", change("created", note(3, 0))), true, "cursors are per project");
});

test("a row decided elsewhere is marked gone once, naming the decision; the counts are read again", () => {
  const queue = new LiveQueue(submitted, [{ id: 1, version: 0 }, { id: 2, version: 0 }], { 5: "10" }, false);
  queue.receive(5, "11", change("decided", approved(1, 1)));
  queue.receive(5, "12", change("decided", note(2, 1, { status: "REJECTED", reviewer: "rita", comment: "Too wide" })));
  const work = queue.work();
  assert.deepEqual(work.leave, [
    { id: 1, gone: { why: "approved", by: "rita", comment: null } },
    { id: 2, gone: { why: "rejected", by: "rita", comment: "Too wide" } },
  ]);
  assert.deepEqual(work.fetch, []);
  assert.equal(queue.countsStale(), true);
  assert.equal(queue.isGone(1), true);
  assert.equal(queue.open, 0);
  queue.receive(5, "13", change("updated", approved(1, 2)));
  assert.deepEqual(queue.work().leave, [], "marked once");
});

test("an author's edit refreshes the row; a deletion or a label out of the filter takes it away", () => {
  const byLabel: QueueFilter = { ...submitted, label: "ACTOR" };
  const queue = new LiveQueue(byLabel, [1, 2, 3].map((id) => ({ id, version: 0 })), {}, false);
  queue.receive(5, "1", change("updated", note(1, 1)));
  queue.receive(5, "2", change("deleted", note(2, 0)));
  queue.receive(5, "3", change("updated", note(3, 1, { label: "CLAIM" })));
  const work = queue.work();
  assert.deepEqual(work.fetch, [{ projectId: 5, annotation: note(1, 1) }]);
  assert.deepEqual(work.leave, [{ id: 2, gone: { why: "deleted" } }, { id: 3, gone: { why: "relabelled", label: "CLAIM" } }]);
  assert.equal(queue.place(1, 1), true);
  assert.equal(queue.place(1, 1), false, "already shown at that version");
  assert.equal(queue.receive(5, "4", change("updated", note(2, 1))), false, "nothing brings a deleted one back");
});

test("a newcomer is not shown on a page followed by more pages, but still counted", () => {
  const queue = new LiveQueue(submitted, [{ id: 1, version: 0 }], {}, false);
  queue.receive(5, "1", change("created", note(2, 0)));
  assert.deepEqual(queue.work(), { leave: [], fetch: [] });
  assert.equal(queue.countsStale(), true);
});

test("a row read just before it left is not shown; one that comes back is read again", () => {
  const queue = new LiveQueue(submitted, [], {}, true);
  queue.receive(5, "1", change("created", note(2, 0)));
  assert.equal(queue.work().fetch.length, 1);
  queue.receive(5, "2", change("decided", approved(2, 1)));
  assert.equal(queue.place(2, 0), false, "the answer came from before the decision");
  assert.equal(queue.open, 0);

  const decided = new LiveQueue(submitted, [{ id: 3, version: 0 }], {}, true);
  decided.removed(3); // the reviewer's own decision
  decided.receive(5, "3", change("decided", approved(3, 1, "me")));
  assert.deepEqual(decided.work(), { leave: [], fetch: [] }, "its echo changes nothing");
  decided.receive(5, "4", change("updated", note(3, 2)));
  assert.deepEqual(decided.work().fetch, [{ projectId: 5, annotation: note(3, 2) }], "edited, it is back in review");
  assert.equal(decided.place(3, 2), true);
  assert.equal(decided.open, 1);
});

test("the reviewer's own relabel is the row's version: its echo is not news", () => {
  const queue = new LiveQueue(submitted, [{ id: 1, version: 0 }], {}, true);
  queue.changed(1, 1);
  assert.equal(queue.receive(5, "1", change("updated", note(1, 1, { label: "CLAIM" }))), false);
  assert.equal(queue.countsStale(), false, "without a label filter the counts stay");

  const byLabel = new LiveQueue({ ...submitted, label: "ACTOR" }, [{ id: 1, version: 0 }], {}, true);
  byLabel.changed(1, 1);
  assert.equal(byLabel.countsStale(), true, "the row left the label's count");
});

test("gone rows say why, in the reviewer's words", () => {
  const name = (key: string): string => key.charAt(0) + key.slice(1).toLowerCase();
  const onApproved: QueueFilter = { ...submitted, status: "APPROVED" };
  assert.deepEqual(goneOf(onApproved, note(1, 2), false), { why: "back-to-review" });
  assert.equal(goneSentence(goneOf(submitted, approved(1, 1), false), "me", name), "Approved by rita.");
  assert.equal(goneSentence(goneOf(submitted, approved(1, 1, "me"), false), "me", name), "Approved by you.");
  assert.equal(goneSentence({ why: "rejected", by: "rita", comment: "Too wide" }, "me", name), "Rejected by rita: “Too wide”.");
  assert.equal(goneSentence({ why: "deleted" }, "me", name), "Deleted by its author.");
  assert.equal(goneSentence({ why: "back-to-review" }, "me", name), "Changed and back in review.");
  assert.equal(goneSentence({ why: "relabelled", label: "CLAIM" }, "me", name),
    "Relabelled Claim: no longer matches the label filter.");
});

test("a row a curator merged says so", () => {
  const gone = goneOf(submitted, note(9, 2, { status: "MERGED", reviewer: "cur" }), false);
  assert.deepEqual(gone, { why: "merged", by: "cur", comment: null });
  assert.equal(goneSentence(gone, "me", (key) => key), "Merged into an identical span in curation by cur.");
});
