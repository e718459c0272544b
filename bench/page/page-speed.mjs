// Times the annotation page in Debian's Chromium, as a person meets it (bench/page.sh starts the app
// and passes BASE, PROJECT, EDITOR, PASSWORD, TOKEN, ADMIN_AUTH, CORPUS; see docs/benchmarks.md, "The annotation page").
//
// For an article of SPANS spans (each of SIZES), it measures:
//   served    GET /articles/{id} (the page with every span embedded) timed from this process;
//   drawn     navigation start → every span drawn and painted (the page's data-ready, then a frame);
//   arcs      with RELATIONS: navigation start → every relation's arc drawn (those near the screen come with the text);
//   key       a label key pressed over a selected word → the new highlight drawn and painted (at
//             once, faded), and → the stored span drawn and selected (after the POST);
//   heap      the page's JS heap after a forced garbage collection;
//   scroll    frames per second while the page scrolls down the article at SCROLL_SPEED px/s.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = (name, fallback) => process.env[name] ?? fallback;
const BASE = env("BASE", "http://127.0.0.1:8211");
const PROJECT = Number(env("PROJECT"));
const EDITOR = env("EDITOR", "bench-editor");
const PASSWORD = env("PASSWORD");
const TOKEN = env("TOKEN");
const ADMIN = `Basic ${Buffer.from(env("ADMIN_AUTH", "")).toString("base64")}`;
const CORPUS = env("CORPUS", "../shared/corpus");
const SIZES = env("SIZES", "1000 10000").split(/\s+/).filter(Boolean).map(Number);
const LOADS = Number(env("LOADS", "15"));
const WARMUP = Number(env("WARMUP", "200"));
const KEYS = Number(env("KEYS", "30"));
const RELATIONS = Number(env("RELATIONS", "0"));
const SCROLL_MS = Number(env("SCROLL_MS", "3000"));
const SCROLL_SPEED = Number(env("SCROLL_SPEED", "3000"));
const CHROMIUM = env("CHROMIUM", "/usr/bin/chromium");

/** An API call, by default as the editor (a token); articles are imported by the admin. */
const api = async (method, path, body, authorization = `Token ${TOKEN}`) => {
  const response = await fetch(BASE + path, {
    method,
    headers: { Authorization: authorization, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const summary = (values) => `median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;

// A seeded generator (mulberry32), so that every run builds the same articles and spans.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** News text of about `length` characters: the corpus' paragraphs in a shuffled order, repeated. */
function newsText(length, salt) {
  const paragraphs = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort()
    .flatMap((f) => readFileSync(join(CORPUS, f), "utf8").split(/\n+/))
    .map((p) => p.trim()).filter((p) => p.length > 40);
  const parts = [`Bench page article ${salt}.`];
  let size = parts[0].length;
  while (size < length) {
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)];
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join("\n\n");
}

/** `count` distinct spans of 1–6 words, overlapping at random, on word boundaries (UTF-16 → code points). */
function spansOf(text, count) {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)].map((m) => [m.index, m.index + m[0].length]);
  const seen = new Set();
  const spans = [];
  while (spans.length < count) {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(random() * 6));
    const key = `${first}-${last}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ from: words[first][0], to: words[last][1] });
  }
  // Code points of every UTF-16 position once, not per span.
  const cp = new Int32Array(text.length + 1);
  for (let i = 0, c = 0; i <= text.length; i++) {
    cp[i] = c;
    const unit = text.charCodeAt(i);
    if (!(unit >= 0xd800 && unit <= 0xdbff)) c++;
  }
  return spans.map((s) => ({ start: cp[s.from], end: cp[s.to], quote: text.slice(s.from, s.to) }));
}

/** [type, from, to] by span index: each claim to the next actor and the next place after it, claims in text order. */
function relationPairs(spans, labels) {
  const order = spans.map((span, i) => i).sort((a, b) => spans[a].start - spans[b].start);
  const pairs = [];
  order.forEach((from, at) => {
    if (labels[from % labels.length] !== "CLAIM") return;
    for (const [type, label] of [["ATTRIBUTED_TO", "ACTOR"], ["LOCATED_IN", "LOCATION"]]) {
      const to = order.slice(at + 1).find((i) => labels[i % labels.length] === label);
      if (to !== undefined) pairs.push([type, from, to]);
    }
  });
  return pairs;
}

/** Runs `make(i)` for i in 0..count-1, 8 requests at a time. */
async function eightAtATime(count, make) {
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < count) await make(next++);
  }));
}

/**
 * An article with `count` spans by the bench editor (labels CLAIM, ACTOR, LOCATION in turn), and up
 * to RELATIONS relations: each claim ATTRIBUTED_TO the first actor after it in the text, LOCATED_IN the first place.
 */
async function articleWith(count) {
  const text = newsText(count * 20, count);
  const article = await api("POST", `/api/projects/${PROJECT}/articles`, { title: `Bench page: ${count} spans`, text }, ADMIN);
  const spans = spansOf(text, count);
  const labels = ["CLAIM", "ACTOR", "LOCATION"];
  const ids = [];
  const started = performance.now();
  await eightAtATime(spans.length, async (i) => {
    ids[i] = (await api("POST", "/api/annotations", { articleId: article.id, label: labels[i % labels.length], ...spans[i] })).id;
  });
  const pairs = relationPairs(spans, labels);
  const relations = Math.min(RELATIONS, pairs.length);
  await eightAtATime(relations, async (r) => {
    const [type, from, to] = pairs[r];
    await api("POST", "/api/relations", { type, fromId: ids[from], toId: ids[to], note: null });
  });
  console.log(`  article ${article.id}: ${text.length} characters, ${count} spans and ${relations} relations made in `
    + `${((performance.now() - started) / 1000).toFixed(1)} s`);
  return article.id;
}

// Installed before any page script: notes when the annotation page says it is ready (every span
// drawn), then waits for the frame that paints it; and on each label key, when the new highlight
// (the one the page selects once it is drawn) has been painted.
const PROBE = () => {
  const afterPaint = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now())));
  new MutationObserver((records, observer) => {
    const root = document.getElementById("annotator");
    if (root?.dataset.ready === "true") {
      observer.disconnect();
      afterPaint((t) => { window.__drawn = t; });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
  // Every relation's arc drawn (those far from the screen follow the first frame in idle batches).
  new MutationObserver((records, observer) => {
    if (document.getElementById("relation-arcs")?.dataset.complete === "true") {
      observer.disconnect();
      afterPaint((t) => { window.__arcs = t; });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-complete"] });
  window.__keyTimes = [];
  window.__postTimes = [];
  // How long each new span's POST takes, to tell the server's and network's share of a key press from the page's.
  const send = window.fetch;
  window.fetch = async (url, options) => {
    const started = performance.now();
    const response = await send(url, options);
    if (options?.method === "POST" && String(url).endsWith("/api/annotations")) window.__postTimes.push(performance.now() - started);
    return response;
  };
  window.__savedTimes = [];
  // On a label key the page draws the new span at once (faded, "pending"), then, once the server
  // has stored it, draws the stored one and selects it: both moments are timed, after their paint.
  window.__armKey = (before) => {
    const text = document.getElementById("article-text");
    let pressedAt = null;
    let drawn = false;
    const onKey = (event) => { pressedAt = event.timeStamp; };
    window.addEventListener("keydown", onKey, { capture: true, once: true });
    const isNew = (node) => node instanceof Element
      && (node.matches("mark.hl.pending") || node.querySelector("mark.hl.pending") !== null);
    const observer = new MutationObserver((records) => {
      if (pressedAt === null) return;
      if (!drawn && records.some((r) => [...r.addedNodes].some(isNew))) {
        drawn = true;
        afterPaint((t) => window.__keyTimes.push(t - pressedAt));
      }
      const saved = records.some((r) => r.type === "attributes" && r.target.classList.contains("selected")
        && Number(r.target.dataset.annotationId) > before);
      if (!saved) return;
      observer.disconnect();
      afterPaint((t) => window.__savedTimes.push(t - pressedAt));
    });
    observer.observe(text, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  };
};

async function logIn(context) {
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Username").fill(EDITOR);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${BASE}/`);
  await page.close();
}

async function served(context, articleId) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const times = [];
  // The first WARMUP requests are not counted: they time the JIT compiler, not the page.
  for (let i = 0; i < WARMUP + LOADS; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}/articles/${articleId}`, { headers: { Cookie: cookie } });
    const body = await response.text();
    if (!response.ok || !body.includes("gloss-data")) throw new Error(`GET /articles/${articleId}: ${response.status}`);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times;
}

async function drawn(page, articleId) {
  const times = [];
  const server = [];
  const arcs = [];
  for (let i = 0; i < LOADS + 3; i++) {
    await page.goto(`${BASE}/articles/${articleId}`);
    await page.waitForFunction(() => window.__drawn !== undefined, null, { timeout: 60_000 });
    if (RELATIONS > 0) await page.waitForFunction(() => window.__arcs !== undefined, null, { timeout: 60_000 });
    const [total, response, arcsDone] = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return [window.__drawn, nav.responseEnd - nav.requestStart, window.__arcs];
    });
    if (i >= 3) { times.push(total); server.push(response); arcs.push(arcsDone); }
  }
  return { times, server, arcs };
}

/** With PROFILE=1: the page's functions that took the most CPU (self time) during `work` (`what` names it). */
async function profiled(page, what, work) {
  if (env("PROFILE", "") !== "1") return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const result = await work();
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map();
  const gaps = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (gaps[i] ?? 0) / 1000);
  });
  console.log(`CPU self time ${what} (ms):`);
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${time.toFixed(1).padStart(8)}  ${name}`);
  await cdp.detach();
  return result;
}

/** Selects a word that no span of the editor covers yet and presses a label key, KEYS times. */
async function keys(page) {
  const labels = ["c", "a", "l"];
  for (let i = 0; i < KEYS; i++) {
    const before = await page.evaluate(() => {
      const text = document.getElementById("article-text");
      const ids = [...text.querySelectorAll("mark.hl")].map((m) => Number(m.dataset.annotationId));
      // A plain text node (outside every highlight) with a whole word in it, from the middle on.
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement.closest("mark") && /\p{L}{4,}/u.test(node.data)) nodes.push(node);
      }
      const node = nodes[Math.floor(nodes.length / 2 + Math.random() * (nodes.length / 2 - 1))];
      const word = /\p{L}{4,}/u.exec(node.data);
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      window.scrollTo(0, scrollY + range.getBoundingClientRect().top - innerHeight / 2);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return Math.max(0, ...ids);
    });
    await page.evaluate((max) => window.__armKey(max), before);
    await page.keyboard.press(labels[i % labels.length]);
    await page.waitForFunction((n) => window.__savedTimes.length > n, i, { timeout: 30_000 });
  }
  return page.evaluate(() => ({ times: window.__keyTimes, saved: window.__savedTimes, posts: window.__postTimes }));
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/**
 * Scrolls down the article at SCROLL_SPEED px/s (a brisk flick of the wheel) for SCROLL_MS, one
 * step a frame, from the top (or less, if the article ends first): frames per second and the longest frame.
 */
async function scrolling(page) {
  return page.evaluate(([duration, speed]) => new Promise((resolve) => {
    window.scrollTo(0, 0);
    const height = Math.min(document.documentElement.scrollHeight - innerHeight, (speed * duration) / 1000);
    const frames = [];
    const started = performance.now();
    const step = (now) => {
      frames.push(now);
      const elapsed = now - started;
      window.scrollTo(0, height * Math.min(1, elapsed / duration));
      if (elapsed < duration) requestAnimationFrame(step);
      else {
        const gaps = frames.slice(1).map((t, i) => t - frames[i]);
        resolve({ fps: (frames.length - 1) / ((frames.at(-1) - frames[0]) / 1000), longest: Math.max(...gaps), height });
      }
    };
    requestAnimationFrame(step);
  }), [SCROLL_MS, SCROLL_SPEED]);
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--enable-precise-memory-info"] });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(PROBE);
  await logIn(context);
  for (const size of SIZES) {
    console.log(`== ${size} spans`);
    const articleId = await articleWith(size);
    const page = await context.newPage();
    const serve = await served(context, articleId);
    console.log(`served (GET /articles/${articleId}, ${LOADS} times after ${WARMUP}): ${summary(serve)}`);
    const draw = await profiled(page, `over ${LOADS + 3} loads`, () => drawn(page, articleId));
    console.log(`navigation → drawn (${LOADS} loads): ${summary(draw.times)}; of which the server's answer: ${summary(draw.server)}`);
    if (RELATIONS > 0) {
      console.log(`navigation → every relation's arc drawn (${await page.locator("#relation-arcs").getAttribute("data-drawn")} arcs): `
        + summary(draw.arcs));
    }
    console.log(`JS heap after load and GC: ${(await heapMB(page)).toFixed(1)} MB`);
    const scroll = await scrolling(page);
    console.log(`scrolling ${scroll.height} px in ${SCROLL_MS} ms: ${scroll.fps.toFixed(1)} fps, longest frame ${ms(scroll.longest)}`);
    const keyTimes = await profiled(page, "while the keys were pressed", () => keys(page));
    console.log(`key → highlight drawn (${KEYS} spans): ${summary(keyTimes.times)}`);
    console.log(`key → stored span drawn and selected: ${summary(keyTimes.saved)}; the POST alone: ${summary(keyTimes.posts)}`);
    console.log(`JS heap after ${KEYS} new spans and GC: ${(await heapMB(page)).toFixed(1)} MB`);
    await page.close();
  }
} finally {
  await browser.close();
}
