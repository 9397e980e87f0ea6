// A tactical plan's milestones with their live progress, by objective: owner, period, actual
// against target, pace and status; each row opens the milestone and the deals behind it.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { MilestoneProgress } from "@oars/core";
import { figure, pct } from "./format";
import { ProgressBadge } from "./ProgressBadge";
import { tacticalProgressQuery } from "./queries";

export function MilestoneProgressTable({ tacticalPlanId }: { tacticalPlanId: string }) {
  const q = useQuery(tacticalProgressQuery(tacticalPlanId));
  if (q.isPending) return <p className="muted">Loading progress…</p>;
  if (q.isError) return <p className="muted">Progress could not be loaded.</p>;
  if (q.data.items.length === 0)
    return <p className="muted">No milestones yet: split a target on the Targets tab.</p>;
  const byObjective = new Map<string, MilestoneProgress[]>();
  for (const m of q.data.items)
    byObjective.set(m.objectiveId, [...(byObjective.get(m.objectiveId) ?? []), m]);
  return (
    <div data-testid="milestone-progress">
      {[...byObjective.values()].map((rows) => (
        <section className="card" key={rows[0]?.objectiveId} aria-label={rows[0]?.title}>
          <h3 className="card-title">
            <Link to="/objectives/$objectiveId/progress" params={{ objectiveId: rows[0]?.objectiveId ?? "" }}>
              {rows[0]?.title}
            </Link>
          </h3>
          <div className="table-scroll">
            <table className="table table-row-heads">
              <thead>
                <tr>
                  <th scope="col">Owner</th>
                  <th scope="col">Period</th>
                  <th scope="col">Actual</th>
                  <th scope="col">Target</th>
                  <th scope="col">Pace</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.milestoneId}>
                    <th scope="row">
                      <Link to="/milestones/$milestoneId/progress" params={{ milestoneId: m.milestoneId }}>
                        {m.ownerName}
                        {m.dimension ? ` · ${m.dimension.value}` : ""}
                      </Link>
                    </th>
                    <td data-label="Period">
                      {m.periodStart} to {m.periodEnd}
                    </td>
                    <td data-label="Actual">{figure(m.actual, m)}</td>
                    <td data-label="Target">{figure(m.target, m)}</td>
                    <td data-label="Pace">{pct(m.pace)}</td>
                    <td data-label="Status">
                      <ProgressBadge progress={m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {q.data.truncated ? <p className="muted small">The first 300 milestones are shown.</p> : null}
    </div>
  );
}
