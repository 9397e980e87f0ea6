// The plan against its baseline: what the objectives, targets and initiatives said when the plan
// was activated, and what changed since.
import { useQuery } from "@tanstack/react-query";
import type { BaselineChange, Objective, StrategicPlan } from "@oars/core";
import { useSession } from "../auth/session";
import { teamsQuery } from "../team/queries";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatDate, formatInstant } from "../ui/format";
import { objectiveValue, ownerName } from "./labels";
import { baselineQuery, everyoneQuery, objectivesQuery } from "./queries";

const CHANGE_LABELS = { added: "Added", removed: "Removed", changed: "Changed" } as const;
const FIELD_LABELS: Record<string, string> = {
  startDate: "Start",
  dueDate: "Due",
  endDate: "End",
  horizonStart: "Horizon start",
  horizonEnd: "Horizon end",
  budgetMinor: "Budget",
  parentObjectiveId: "Aligned under",
  objectives: "Serves",
};

export function BaselineTab({ plan }: { plan: StrategicPlan }) {
  const currency = useSession().org.currency;
  const cmp = useQuery(baselineQuery(plan.id));
  const objectives = useQuery(objectivesQuery(plan.id));
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  if (cmp.isPending) return <Loading />;
  if (cmp.isError) return <ErrorNotice error={cmp.error} onRetry={() => void cmp.refetch()} />;
  if (!cmp.data.baselineAt)
    return (
      <Empty title="No baseline yet">
        The baseline is recorded when the plan is activated; changes made after that show here.
      </Empty>
    );

  function show(c: BaselineChange, field: string, v: string | number | null): string {
    if (v === null || v === "") return "—";
    const o: Objective | undefined = objectives.data?.find((x) => x.id === c.id);
    if ((field === "target" || field === "baseline") && typeof v === "number" && o)
      return objectiveValue(o, v, currency);
    if (field === "owner" && typeof v === "string") {
      const [type, id] = v.split(":");
      return ownerName(type === "team" ? "team" : "person", id ?? null, people.data, teams.data);
    }
    if (/Date$|^horizon/.test(field) && typeof v === "string") return formatDate(v);
    if (field === "objectives" && typeof v === "string") return `${v.split(",").length} objective(s)`;
    if (field === "parentObjectiveId") return "another objective";
    return String(v);
  }

  return (
    <div className="stack">
      <p className="muted intro">Compared with the baseline recorded {formatInstant(cmp.data.baselineAt)}.</p>
      {cmp.data.changes.length === 0 ? <Empty title="Nothing changed since the baseline" /> : null}
      <ul className="changes" data-testid="baseline-changes">
        {cmp.data.changes.map((c) => (
          <li key={`${c.kind}-${c.id}`} className="card change">
            <p className="change-head">
              <span className={`tag change-${c.change}`}>{CHANGE_LABELS[c.change]}</span>
              <span className="muted small">{c.kind}</span>
              <span className="strong">{c.title}</span>
            </p>
            {c.fields.length > 0 ? (
              <table className="table change-table">
                <thead>
                  <tr>
                    <th>Field</th>
                    <th>At baseline</th>
                    <th>Now</th>
                  </tr>
                </thead>
                <tbody>
                  {c.fields.map((f) => (
                    <tr key={f.field}>
                      <td data-label="Field">
                        {FIELD_LABELS[f.field] ?? f.field.charAt(0).toUpperCase() + f.field.slice(1)}
                      </td>
                      <td data-label="Baseline">
                        <del>{show(c, f.field, f.before)}</del>
                      </td>
                      <td data-label="Now">
                        <ins>{show(c, f.field, f.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
