import { test } from "node:test";
import assert from "node:assert/strict";
import { combined, type StreamState } from "./liveStatus.js";
import { ApiError } from "./requests.js";

const reports = (...states: Array<[string, StreamState]>): Map<string, StreamState> => new Map(states);

test("the page is open once every stream is, and offline while any is", () => {
  assert.equal(combined(reports(), 2), null, "nothing reported yet");
  assert.equal(combined(reports(["1", { state: "open" }]), 2), null, "one stream still connecting");
  assert.deepEqual(combined(reports(["1", { state: "open" }], ["2", { state: "open" }]), 2), { state: "open" });
  assert.deepEqual(combined(reports(["1", { state: "open" }], ["2", { state: "offline" }]), 2), { state: "offline" });
  assert.deepEqual(combined(reports(["1", { state: "offline" }]), 2), { state: "offline" }, "offline needs no wait");
  assert.deepEqual(combined(reports(["1", { state: "offline" }], ["2", { state: "unsupported" }]), 2), { state: "unsupported" });
});

test("a refusal the server explained is shown before a plain drop", () => {
  const refused = new ApiError("Your session ended — log in again.", 401);
  const unreachable = new ApiError("Could not reach the server.", 0);
  const shown = combined(reports(["1", { state: "offline", why: unreachable }], ["2", { state: "offline", why: refused }],
    ["3", { state: "offline" }]), 3);
  assert.equal(shown?.why, refused);
});
