// The imports one ran (admins: everyone's), newest first, with their outcome and rejects.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatInstant } from "../ui/format";
import { jobsQuery, rejectsHref } from "./api";
import { ENTITY_NAMES } from "./labels";

const STATUS_LABELS = {
  uploaded: "Not started",
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
} as const;

export function RecentImports() {
  const jobs = useInfiniteQuery(jobsQuery);
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  if (jobs.isError || items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-imports">
      <h2 id="recent-imports" className="card-title">
        Recent imports
      </h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Holds</th>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((job) => (
              <tr key={job.id}>
                <td data-label="File">
                  <Link to="/import" search={{ job: job.id }}>
                    {job.fileName}
                  </Link>
                </td>
                <td data-label="Holds">{ENTITY_NAMES[job.entity]}</td>
                <td data-label="Status">
                  {STATUS_LABELS[job.status]}
                  {job.dryRun ? " (dry run)" : ""}
                </td>
                <td data-label="Rows" className="small">
                  {(job.counts.created + job.counts.updated).toLocaleString()}{" "}
                  {job.dryRun ? "would be imported" : "imported"} · {job.counts.unchanged.toLocaleString()}{" "}
                  unchanged
                  {job.counts.rejected > 0 ? (
                    <>
                      {" · "}
                      <a href={rejectsHref(job.id)} download>
                        {job.counts.rejected.toLocaleString()} rejected
                      </a>
                    </>
                  ) : null}
                </td>
                <td data-label="When" className="nowrap">
                  {formatInstant(job.createdAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {jobs.hasNextPage ? (
        <div className="load-more">
          <button type="button" className="button button-small" onClick={() => void jobs.fetchNextPage()}>
            Older imports
          </button>
        </div>
      ) : null}
    </section>
  );
}
