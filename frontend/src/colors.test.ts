import { test } from "node:test";
import assert from "node:assert/strict";
import { contrast, inkOn, labelRule, laneRule, MARK_CONTRAST, markColor, parseColor, UNKNOWN_LABEL_COLOR } from "./colors.js";

test("colours are read from #rrggbb and #rgb; anything else is the unknown-label grey", () => {
  assert.deepEqual(parseColor("#2e86ab"), [46, 134, 171]);
  assert.deepEqual(parseColor("#fff"), [255, 255, 255]);
  assert.deepEqual(parseColor("red"), parseColor(UNKNOWN_LABEL_COLOR));
});

test("contrast follows WCAG: black on white is 21, a colour on itself 1", () => {
  assert.equal(Math.round(contrast("#000000", "#ffffff")), 21);
  assert.equal(contrast("#2e86ab", "#2e86ab"), 1);
});

test("a dark enough label colour is its own underline; a pale one is darkened until it stands out", () => {
  assert.equal(markColor("#2e86ab"), "#2e86ab");
  for (const pale of ["#ffff00", "#f0e442", "#ffffff", "#a6dcef"]) {
    const mark = markColor(pale);
    assert.notEqual(mark, pale);
    assert.ok(contrast(mark, "#ffffff") >= MARK_CONTRAST, `${pale} -> ${mark}`);
  }
});

test("badge ink is black on light colours and white on dark ones", () => {
  assert.equal(inkOn("#ffff00"), "#000000");
  assert.equal(inkOn("#1d2330"), "#ffffff");
  for (const color of ["#2e86ab", "#e15759", "#59a14f", "#888888"]) {
    assert.ok(contrast(inkOn(color), color) >= 4.5, color);
  }
});

test("one rule colours a label's highlights; keys are quoted safely", () => {
  assert.equal(labelRule("ACTOR", "#2e86ab"),
    `mark.hl[data-label="ACTOR"] { --label-color: ${markColor("#2e86ab")}; --label-fill: #2e86ab; --badge-ink: ${inkOn(markColor("#2e86ab"))}; }`);
  assert.match(labelRule('A"B\\', "#ffdd00"), /^mark\.hl\[data-label="A\\22 B\\5c "\] \{/);
  assert.equal(laneRule(2), `mark.hl[data-lane="2"] { --lane: 2; }`);
});
