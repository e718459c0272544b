/**
 * The dataset page while its build runs: follows the project's event stream from the cursor the
 * page was read at, moves the progress bar on each of the dataset's events, and reloads once the
 * build ends, to show the files. A dropped connection is opened again after the last event
 * received (LiveStream), and the page says it is offline meanwhile. A module of its own (not an
 * inline script), so that the Content-Security-Policy can forbid inline scripts.
 */
import { type DatasetBuild, ended, parseDatasetEvent, percent, progressText } from "./datasetBuild.js";
import { LiveStream, openWhileVisible } from "./live.js";
import { LiveStatus } from "./liveStatus.js";
import { send } from "./requests.js";

const NO_LIVE = "This browser cannot follow the build: reload the page to see its progress.";

function watch(section: HTMLElement): void {
  const id = Number(section.dataset.dataset);
  const bar = document.getElementById("build-progress") as HTMLProgressElement | null;
  const text = document.getElementById("build-text");
  const state = document.getElementById("build-state");
  const connection = document.getElementById("connection") ?? document.createElement("span");
  const show = (build: DatasetBuild): void => {
    if (ended(build)) {
      location.reload();
      return;
    }
    const p = percent(build);
    if (bar) {
      bar.value = p;
      bar.textContent = `${p}%`;
    }
    if (text) text.textContent = progressText(build);
    if (state) {
      state.textContent = build.state;
      state.className = `state state-${build.state}`;
    }
  };
  const status = new LiveStatus(section, connection, 1, NO_LIVE);
  openWhileVisible(new LiveStream({
    url: (after) => `/api/projects/${section.dataset.project}/events?after=${encodeURIComponent(after)}`,
    after: section.dataset.cursor ?? "0",
    connect: typeof EventSource === "function" ? (url) => new EventSource(url) : null,
    on: {
      dataset: (data) => {
        const build = parseDatasetEvent(data, id);
        if (build) show(build);
      },
    },
    onConnection: status.reporter("project"),
    // Asked when the browser gave up on the stream: opened again once the dataset answers (a
    // read needs no CSRF token).
    check: async () => {
      await send("", "GET", `/api/datasets/${id}`);
    },
  }), document);
}

const build = document.getElementById("build");
if (build) watch(build);
