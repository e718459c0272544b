import { test } from "node:test";
import assert from "node:assert/strict";
import { kept, restore, withoutNotice } from "./formMemory.js";

test("passwords, files and hidden fields are never kept", () => {
  assert.equal(kept("password"), false);
  assert.equal(kept("hidden"), false);
  assert.equal(kept("file"), false);
  assert.equal(kept("text"), true);
  assert.equal(kept("textarea"), true);
  assert.equal(kept("select-one"), true);
});

test("the notice leaves the address, the filters stay", () => {
  assert.equal(withoutNotice("http://gloss.test/audit?entity=label&said=Saved.#top"), "/audit?entity=label#top");
  assert.equal(withoutNotice("http://gloss.test/users?refused=There+is+no+user"), "/users");
  assert.equal(withoutNotice("http://gloss.test/users?entity=label"), null);
});

test("ticked boxes, repeated names and text come back as sent", () => {
  const sent: Array<[string, string]> = [["username", "olena"], ["roles", "editor"], ["roles", "admin"],
    ["note", "first"], ["note", "second"]];
  const elements = [
    { name: "_csrf", type: "hidden", value: "x" },
    { name: "username", type: "text", value: "" },
    { name: "password", type: "password", value: "" },
    { name: "roles", type: "checkbox", value: "editor" },
    { name: "roles", type: "checkbox", value: "reviewer" },
    { name: "roles", type: "checkbox", value: "admin" },
    { name: "note", type: "textarea", value: "" },
    { name: "note", type: "textarea", value: "" },
    { name: "colour", type: "color", value: "#000000" },
  ];
  assert.deepEqual(restore(sent, elements), [undefined, "olena", undefined, true, false, true, "first", "second", undefined]);
});
