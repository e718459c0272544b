import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiError, KEY_NOT_APPLIED, OneAtATime, refusal, UNEXPECTED_ERROR } from "./requests.js";

/** A status line as the pages have one: the last sentence said, and what was appended to it. */
class StatusLine {
  text = "";
  kind: string | undefined;
  readonly say = (message: string, kind?: "info" | "error"): void => {
    this.text = message;
    this.kind = kind;
  };
  append(...parts: (string | Node)[]): void {
    this.text += parts.join("");
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

test("a request asked for while another is under way is refused, and its refusal outlives the outcome", async () => {
  const status = new StatusLine();
  const requests = new OneAtATime(status.say, status, "Still sending the previous decision…");
  const answer = deferred();
  const first = requests.run(async () => {
    await answer.promise;
    status.say("Approved “Kyiv”.");
  });
  let secondRan = false;
  await requests.run(async () => {
    secondRan = true;
  });
  assert.equal(secondRan, false);
  assert.equal(status.text, "Still sending the previous decision…");
  answer.resolve();
  await first;
  assert.equal(status.text, `Approved “Kyiv”. ${KEY_NOT_APPLIED}`);

  await requests.run(async () => status.say("Approved “Kharkiv”."));
  assert.equal(status.text, "Approved “Kharkiv”.", "once done, the next request runs and nothing is appended");
});

test("a refusal shows the server's sentence; anything else a plea to reload", async () => {
  const status = new StatusLine();
  const requests = new OneAtATime(status.say, status, "busy");
  await requests.run(async () => {
    throw new ApiError("This annotation is APPROVED (decided by anna).", 409);
  });
  assert.equal(status.text, "This annotation is APPROVED (decided by anna).");
  assert.equal(status.kind, "error");

  const logged = console.error;
  console.error = () => {}; // the page logs the unexpected error for its developer
  try {
    await requests.run(async () => {
      throw new TypeError("x is undefined");
    });
  } finally {
    console.error = logged;
  }
  assert.equal(status.text, UNEXPECTED_ERROR);
  assert.equal(status.kind, "error");
});

test("the server's error body gives the sentence and per-item results; a body that is not JSON, the status", async () => {
  const refused = await refusal(new Response(JSON.stringify({
    error: "conflict", message: "Nothing was decided.", results: [{ id: 7, ok: false }],
  }), { status: 409 }));
  assert.equal(refused.message, "Nothing was decided.");
  assert.equal(refused.status, 409);
  assert.deepEqual(refused.results, [{ id: 7, ok: false }]);

  assert.equal((await refusal(new Response(JSON.stringify({ error: "Too large" }), { status: 413 }))).message, "Too large");
  const proxy = await refusal(new Response("<html>Bad gateway</html>", { status: 502 }));
  assert.equal(proxy.message, "The server refused the request (HTTP 502).");
  assert.deepEqual(proxy.results, []);
});

test("a 401 says the session ended and offers the way back, after the server's sentence", async () => {
  const status = new StatusLine();
  const requests = new OneAtATime(status.say, status, "busy", () => "[log in again]");
  await requests.run(async () => {
    throw await refusal(new Response(JSON.stringify({ error: "session_ended", message: "Your session ended — log in again." }),
      { status: 401 }));
  });
  assert.equal(status.text, "Your session ended — log in again. [log in again]");
  assert.equal(status.kind, "error");

  await requests.run(async () => {
    throw new ApiError("Not allowed.", 403);
  });
  assert.equal(status.text, "Not allowed.", "other refusals offer no login");
});
