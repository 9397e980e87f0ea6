// Step 4: a running import's progress bar and throughput (polled), then what it did: rows created,
// updated, unchanged and rejected, with the rejects as a CSV to fix and import again.
import type { ImportJob } from "@oars/core";
import { formatInstant } from "../ui/format";
import { rejectsHref } from "./api";
import { ProgressBar } from "./ProgressBar";

export function JobProgress({ job, onCancel }: { job: ImportJob; onCancel?: () => void }) {
  const { progress, counts } = job;
  const running = job.status === "running" || job.status === "uploaded";
  const what = job.dryRun ? "Dry run" : "Import";
  const detail = `${progress.rowsDone.toLocaleString()} rows · ${progress.rowsPerSecond.toLocaleString()} rows/s`;
  return (
    <section className="card stack job-progress" aria-live="polite" data-testid="import-progress">
      <div className="card-head">
        <h2 className="card-title">
          {what} {running ? "running" : job.status === "done" ? "finished" : job.status}
        </h2>
        {running && onCancel ? (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <ProgressBar
        label={`${what} progress`}
        value={job.status === "done" ? 100 : progress.percent}
        detail={detail}
      />
      <dl className="import-counts">
        <div>
          <dt>{job.dryRun ? "Would create" : "Created"}</dt>
          <dd className="num">{counts.created.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{job.dryRun ? "Would update" : "Updated"}</dt>
          <dd className="num">{counts.updated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd className="num">{counts.unchanged.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd className={counts.rejected > 0 ? "num import-rejected" : "num"}>
            {counts.rejected.toLocaleString()}
          </dd>
        </div>
      </dl>
      {job.error ? (
        <p className="form-error" role="alert">
          {job.error}
        </p>
      ) : null}
      {job.finishedAt ? <p className="muted small">Finished {formatInstant(job.finishedAt)}</p> : null}
      {!running && counts.rejected > 0 ? (
        <p>
          <a className="button" href={rejectsHref(job.id)} download>
            Download rejected rows
          </a>
        </p>
      ) : null}
    </section>
  );
}
