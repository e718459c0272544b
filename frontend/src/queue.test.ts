import { test } from "node:test";
import assert from "node:assert/strict";
import {
  actionForKey, countsAfter, shownCount, currentAfterRemoval, decidedSentence, labelForKey, NOT_APPLIED, refusedSentence,
  relabelledSentence, rowMessages, shorten, step,
} from "./queue.js";

const none = { ctrl: false, meta: false, alt: false };

test("the queue's keys map to actions; modifiers and shifted letters are not shortcuts", () => {
  assert.equal(actionForKey("j", none), "next");
  assert.equal(actionForKey("k", none), "previous");
  assert.equal(actionForKey("x", none), "toggle");
  assert.equal(actionForKey("a", none), "approve");
  assert.equal(actionForKey("r", none), "reject");
  assert.equal(actionForKey("o", none), "open");
  assert.equal(actionForKey("e", none), "relabel");
  assert.equal(actionForKey("c", none), "compact");
  assert.equal(actionForKey("?", none), "help");
  assert.equal(actionForKey("A", none), null);
  assert.equal(actionForKey("q", none), null);
  assert.equal(actionForKey("toString", none), null, "no inherited properties");
  assert.equal(actionForKey("a", { ...none, ctrl: true }), null);
  assert.equal(actionForKey("r", { ...none, meta: true }), null);
  assert.equal(actionForKey("j", { ...none, alt: true }), null);
});

test("j and k stop at the ends and start from the first or last row", () => {
  assert.equal(step(0, 1, 3), 1);
  assert.equal(step(2, 1, 3), 2);
  assert.equal(step(0, -1, 3), 0);
  assert.equal(step(-1, 1, 3), 0);
  assert.equal(step(-1, -1, 3), 2);
  assert.equal(step(7, 1, 3), 0, "a stale index starts over");
  assert.equal(step(0, 1, 0), -1);
});

test("after rows leave, the current row is the next one still there", () => {
  const ids = [10, 11, 12, 13];
  assert.equal(currentAfterRemoval(ids, 11, new Set([11])), 12);
  assert.equal(currentAfterRemoval(ids, 11, new Set([11, 12])), 13);
  assert.equal(currentAfterRemoval(ids, 13, new Set([13])), 12, "the last row: the one before");
  assert.equal(currentAfterRemoval(ids, 12, new Set([10, 11])), 12, "the current row stays current");
  assert.equal(currentAfterRemoval(ids, null, new Set([10])), 11);
  assert.equal(currentAfterRemoval(ids, 10, new Set(ids)), null);
  assert.equal(currentAfterRemoval([], null, new Set()), null);
});

test("counts move from submitted to the decision's status", () => {
  const counts = { SUBMITTED: 5, APPROVED: 1, REJECTED: 0 };
  assert.deepEqual(countsAfter(counts, "APPROVE", 2), { SUBMITTED: 3, APPROVED: 3, REJECTED: 0 });
  assert.deepEqual(countsAfter(counts, "REJECT", 1), { SUBMITTED: 4, APPROVED: 1, REJECTED: 1 });
  assert.deepEqual(counts, { SUBMITTED: 5, APPROVED: 1, REJECTED: 0 }, "the input is not changed");
  assert.equal(countsAfter({ SUBMITTED: 0, APPROVED: 0, REJECTED: 0 }, "APPROVE", 1).SUBMITTED, 0);
});

test("counts at the server's limit mean 'or more' and stay", () => {
  const capped = countsAfter({ SUBMITTED: 10000, APPROVED: 9999, REJECTED: 3 }, "APPROVE", 5, 10000);
  assert.deepEqual(capped, { SUBMITTED: 10000, APPROVED: 10000, REJECTED: 3 });
  assert.equal(shownCount(10000, 10000), "10,000+");
  assert.equal(shownCount(9999, 10000), "9999");
});

test("a refused bulk decision explains every row", () => {
  const results = [
    { id: 1, ok: true, error: null, message: null },
    { id: 2, ok: false, error: "forbidden", message: "You made this annotation, so another reviewer must decide on it (four-eyes rule)." },
    { id: 3, ok: false, error: "already_decided", message: null },
  ];
  const messages = rowMessages(results);
  assert.equal(messages.get(1), NOT_APPLIED);
  assert.match(messages.get(2)!, /four-eyes/);
  assert.match(messages.get(3)!, /already_decided/);
  assert.equal(refusedSentence(results),
    "Nothing was decided: 2 of 3 selected annotations cannot be decided on (see the rows). Unselect them and try again.");
  assert.equal(refusedSentence([results[1]]),
    "Nothing was decided: 1 of 1 selected annotation cannot be decided on (see the row). Unselect it and try again.");
});

test("sentences name one quote or count several", () => {
  assert.equal(decidedSentence("APPROVE", ["Volodymyr\nZelensky"]), "Approved “Volodymyr Zelensky”.");
  assert.equal(decidedSentence("REJECT", ["a", "b", "c"]), "Rejected 3 annotations.");
  const relation = "Moscow denied that its units had left Kursk —Attributed to→ Moscow";
  assert.equal(decidedSentence("APPROVE", [relation], 200), `Approved “${relation}”.`);
  assert.equal(decidedSentence("APPROVE", [relation]).length, "Approved “”.".length + 60);
  assert.equal(shorten("😀".repeat(70), 60), "😀".repeat(59) + "…", "cuts at code points, not in a surrogate pair");
});

test("in the label chooser a label's key chooses it, whatever its case; other keys and modifiers do not", () => {
  const labels = [
    { key: "CLAIM", name: "Claim", color: "#e4572e", shortcut: "c" },
    { key: "ACTOR", name: "Actor", color: "#2e86ab", shortcut: "A" },
    { key: "LOCATION", name: "Location", color: "#3bb273", shortcut: "l" },
    { key: "EVENT", name: "Event", color: "#888888", shortcut: null },
  ];
  assert.equal(labelForKey(labels, "l", none)?.key, "LOCATION");
  assert.equal(labelForKey(labels, "L", none)?.key, "LOCATION", "Shift or Caps Lock");
  assert.equal(labelForKey(labels, "a", none)?.key, "ACTOR");
  assert.equal(labelForKey(labels, "e", none), null, "a label without a shortcut is only clicked");
  assert.equal(labelForKey(labels, "Escape", none), null);
  assert.equal(labelForKey(labels, "", none), null);
  assert.equal(labelForKey(labels, "c", { ...none, ctrl: true }), null);
  assert.equal(labelForKey([], "c", none), null);
  assert.equal(relabelledSentence("Location"), "Label changed to Location.");
});
