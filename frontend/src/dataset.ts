/**
 * The dataset page while its build runs: polls the API and moves the progress bar; reloads once
 * the build ends, to show the files. A module of its own (not an inline script), so that the
 * Content-Security-Policy can forbid inline scripts.
 */

interface DatasetProgress {
  state: string;
  progress: number;
  articlesDone: number;
  articlesTotal: number;
}

function watch(section: HTMLElement): void {
  const id = section.dataset.dataset;
  const bar = document.getElementById("build-progress") as HTMLProgressElement | null;
  const text = document.getElementById("build-text");
  const state = document.getElementById("build-state");
  const poll = async (): Promise<void> => {
    try {
      const response = await fetch(`/api/datasets/${id}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const d = (await response.json()) as DatasetProgress;
        const percent = Math.floor(d.progress * 100);
        if (bar) {
          bar.value = percent;
          bar.textContent = `${percent}%`;
        }
        if (text) text.textContent = `${percent}% · ${d.articlesDone} of ${d.articlesTotal} articles`;
        if (state) state.textContent = d.state;
        if (d.state === "DONE" || d.state === "FAILED") {
          location.reload();
          return;
        }
      }
    } catch {
      // a network hiccup: try again on the next tick
    }
    setTimeout(poll, 1500);
  };
  setTimeout(poll, 1000);
}

const build = document.getElementById("build");
if (build) watch(build);
