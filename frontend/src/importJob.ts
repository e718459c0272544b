/** A background import as `GET /api/imports/{id}` answers it, and the sentence its page shows. */

export interface ImportJob {
  state: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  progress: number;
  linesRead: number;
  linesTotal: number;
  imported: number;
  duplicates: number;
  errorCount: number;
  /** Spans the import's lines carried, stored as suggestions or annotations. */
  spans: number;
}

/** Whole percent done, never more than 100. */
export function percent(job: Pick<ImportJob, "progress">): number {
  return Math.min(100, Math.floor(job.progress * 100));
}

/** The line under the bar; the server writes the same one into the page. */
export function summary(job: ImportJob): string {
  return `${percent(job)}% · line ${job.linesRead} of ${job.linesTotal} · ${job.imported} imported, ` +
    `${job.duplicates} duplicates, ${job.errorCount} refused` + (job.spans > 0 ? ` · ${job.spans} spans` : "");
}

/** Whether the job has ended: the page then reloads once, to show its outcome and refused lines. */
export function finished(job: Pick<ImportJob, "state">): boolean {
  return job.state === "DONE" || job.state === "FAILED";
}
