/**
 * The dataset page's build, without the DOM: what a `dataset` event of the project's stream
 * (GET /api/projects/{id}/events) says about the dataset on the page, and how the page shows it.
 */

export interface DatasetBuild {
  state: string;
  progress: number;
  articlesDone: number;
  articlesTotal: number;
}

/** The dataset of a `dataset` event when it is dataset `id`; null for another dataset or data the page does not understand. */
export function parseDatasetEvent(data: string, id: number): DatasetBuild | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  const dataset = (parsed as { dataset?: unknown } | null)?.dataset;
  if (typeof dataset !== "object" || dataset === null) return null;
  const d = dataset as Record<string, unknown>;
  if (d.id !== id || typeof d.state !== "string" || typeof d.progress !== "number") return null;
  return {
    state: d.state,
    progress: d.progress,
    articlesDone: Number.isInteger(d.articlesDone) ? (d.articlesDone as number) : 0,
    articlesTotal: Number.isInteger(d.articlesTotal) ? (d.articlesTotal as number) : 0,
  };
}

/** Progress as the whole percentage the bar shows (never 100 before it is done). */
export function percent(build: DatasetBuild): number {
  return Math.floor(Math.min(1, Math.max(0, build.progress)) * 100);
}

/** The line under the bar, as the server writes it. */
export function progressText(build: DatasetBuild): string {
  return `${percent(build)}% · ${build.articlesDone} of ${build.articlesTotal} articles`;
}

/** Whether the build has ended: the page then reloads, to show the files or the reason it failed. */
export function ended(build: DatasetBuild): boolean {
  return build.state === "DONE" || build.state === "FAILED";
}
