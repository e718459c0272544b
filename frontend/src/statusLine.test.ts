import { test } from "node:test";
import assert from "node:assert/strict";
import { doneSentence, excerpt } from "./statusLine.js";

test("quotes are shortened to one line of at most 60 code points", () => {
  assert.equal(excerpt("Volodymyr\n  Zelensky"), "Volodymyr Zelensky");
  const long = "🇺🇦".repeat(40);
  const short = excerpt(long);
  assert.equal(Array.from(short).length, 60);
  assert.ok(short.endsWith("…"));
});

test("the sentence names what was done, the label and the quote", () => {
  assert.equal(doneSentence("Deleted", "Location", "Kharkiv"), "Deleted Location: “Kharkiv”");
});
