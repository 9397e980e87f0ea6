// The targets tab: pick an objective (and, for a team's part, the milestone it splits), shape the
// split — rows, columns, weighting, seasonality, ramps — and edit the grid by hand; the gap to the
// target stays in view and saving writes the grid as milestones.
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Objective, SplitRowKind, TacticalPlan } from "@oars/core";
import { ErrorNotice, Empty, Loading } from "../ui/Status";
import { formatDate } from "../ui/format";
import { GridEditor } from "./GridEditor";
import { planObjectivesQuery, splitSetupQuery, splitsQuery } from "./queries";

const route = getRouteApi("/app/tactics/$tacticalPlanId");

const ROW_KINDS: Record<SplitRowKind, string> = {
  person: "People",
  team: "Teams",
  segment: "Segments",
  product: "Products",
  businessType: "New vs existing",
};

export function TargetsTab({ plan }: { plan: TacticalPlan }) {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/tactics/$tacticalPlanId" });
  const objectives = useQuery(planObjectivesQuery(plan.strategicPlanId));
  const splits = useQuery(splitsQuery(plan.id));
  const served = (objectives.data ?? []).filter((o: Objective) => plan.objectiveIds.includes(o.id));
  const splittable = served.filter((o) => o.target !== null);
  const objectiveId = search.objective ?? splits.data?.[0]?.objectiveId ?? splittable[0]?.id;
  const savedParent = splits.data?.find((s) => s.objectiveId === objectiveId)?.parentMilestoneId ?? undefined;
  const parentId = search.parent === "none" ? undefined : (search.parent ?? savedParent);
  const setup = useQuery({
    ...splitSetupQuery(plan.id, {
      objectiveId: objectiveId ?? "",
      parentMilestoneId: parentId,
      rowKind: search.rows,
    }),
    enabled: objectiveId !== undefined,
  });

  if (objectives.isPending || splits.isPending) return <Loading />;
  if (objectives.isError)
    return <ErrorNotice error={objectives.error} onRetry={() => void objectives.refetch()} />;
  if (!objectiveId) {
    return (
      <Empty title="No objective with a target to split">
        Give an objective of the strategic plan a target, and serve it in this tactical plan.
      </Empty>
    );
  }

  const set = (patch: { objective?: string; parent?: string; rows?: SplitRowKind }) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <div className="stack">
      <div className="toolbar targets-picker">
        <label className="field-inline">
          <span>Objective</span>
          <select
            className="input input-small"
            data-testid="objective-select"
            value={objectiveId}
            onChange={(e) => set({ objective: e.target.value, parent: undefined, rows: undefined })}
          >
            {served.map((o) => (
              <option key={o.id} value={o.id} disabled={o.target === null}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>Split</span>
          <select
            className="input input-small"
            data-testid="parent-select"
            value={parentId ?? "none"}
            onChange={(e) => set({ parent: e.target.value })}
          >
            <option value="none">The objective's whole target</option>
            {(setup.data?.parentOptions ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                Our part of {m.periodKey} ({formatDate(m.periodStart)} – {formatDate(m.periodEnd)})
              </option>
            ))}
          </select>
        </label>
      </div>
      {setup.isPending ? <Loading /> : null}
      {setup.isError ? <ErrorNotice error={setup.error} onRetry={() => void setup.refetch()} /> : null}
      {setup.isSuccess ? (
        <GridEditor
          // A different objective or parent is a different grid: start its editor afresh.
          key={`${objectiveId}|${parentId ?? ""}|${setup.data.rowKind}|${setup.data.saved?.version ?? 0}`}
          plan={plan}
          setup={setup.data}
          rowKinds={ROW_KINDS}
          onRowKind={(rows) => set({ rows })}
        />
      ) : null}
    </div>
  );
}
