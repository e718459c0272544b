import { test } from "node:test";
import assert from "node:assert/strict";
import { focusesSearch } from "./searchKey.js";

const plain = { key: "/", ctrl: false, meta: false, alt: false, typing: false };

test("/ focuses the search box", () => {
  assert.equal(focusesSearch(plain), true);
});

test("not while typing, nor with a modifier, nor for other keys", () => {
  assert.equal(focusesSearch({ ...plain, typing: true }), false);
  assert.equal(focusesSearch({ ...plain, ctrl: true }), false);
  assert.equal(focusesSearch({ ...plain, meta: true }), false);
  assert.equal(focusesSearch({ ...plain, alt: true }), false);
  assert.equal(focusesSearch({ ...plain, key: "?" }), false);
});
