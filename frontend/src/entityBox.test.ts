import { test } from "node:test";
import assert from "node:assert/strict";
import { attributeFacts, entityLine, readAttributes } from "./entityBox.js";
import type { LabelAttribute } from "./types.js";

const claim: LabelAttribute[] = [
  { key: "figure", name: "Figure", type: "number", choices: null },
  { key: "unit", name: "Unit", type: "text", choices: null },
  { key: "certainty", name: "Certainty", type: "choice", choices: ["stated", "estimated"] },
];

test("typed attribute values are read as the server takes them; empty fields are left out", () => {
  assert.deepEqual(readAttributes(claim, { figure: " 3,000 ", unit: "soldiers", certainty: "" }),
    { values: { figure: 3000, unit: "soldiers" }, problem: null });
  assert.deepEqual(readAttributes(claim, { figure: "1.5", certainty: "stated" }),
    { values: { figure: 1.5, certainty: "stated" }, problem: null });
  assert.deepEqual(readAttributes(claim, {}), { values: {}, problem: null });
});

test("a number field without a number says so, naming the attribute", () => {
  assert.deepEqual(readAttributes(claim, { figure: "many" }),
    { values: null, problem: "Figure is a number, e.g. 3000; not “many”." });
  assert.equal(readAttributes(claim, { figure: "1e9" }).values, null);
});

test("facts list the values in the label's order", () => {
  assert.deepEqual(attributeFacts(claim, { unit: "soldiers", figure: 3000 }), [["Figure", "3000"], ["Unit", "soldiers"]]);
  assert.deepEqual(attributeFacts(claim, undefined), []);
});

test("an entity's line names its other spellings, its Wikidata id and its mentions", () => {
  assert.equal(entityLine({ id: 1, name: "Volodymyr Zelensky", type: "ACTOR", qid: "Q3874799", mentions: 6,
    aliases: ["Zelensky", "Zelenskyy", "Zelenskiy", "President Zelensky"] }),
  "Volodymyr Zelensky (also Zelensky, Zelenskyy, Zelenskiy) · Q3874799 · 6 mentions");
  assert.equal(entityLine({ id: 2, name: "Kyiv", type: "LOCATION", qid: null, mentions: 1, aliases: [] }), "Kyiv · 1 mention");
});
