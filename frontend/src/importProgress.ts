/**
 * The background import's page: polls the job while it runs, moves the bar, and reloads once it
 * ends. A failed poll (the network, a restart) is tried again on the next tick.
 */
import { finished, type ImportJob, percent, summary } from "./importJob.js";

const POLL_MILLIS = 1500;

function start(): void {
  const section = document.getElementById("import-job");
  const bar = document.getElementById("import-progress") as HTMLProgressElement | null;
  const text = document.getElementById("import-text");
  const state = document.getElementById("import-state");
  if (!section || !bar || !text || !state) return;
  const poll = async (): Promise<void> => {
    try {
      const response = await fetch(`/api/imports/${section.dataset.job}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) {
        const job = (await response.json()) as ImportJob;
        bar.value = percent(job);
        bar.textContent = `${percent(job)}%`;
        text.textContent = summary(job);
        state.textContent = job.state;
        if (finished(job)) {
          location.reload();
          return;
        }
      }
    } catch {
      // not reachable just now: the next tick tries again
    }
    setTimeout(poll, POLL_MILLIS);
  };
  setTimeout(poll, POLL_MILLIS);
}

start();
