// /strategy-map: the organisation's objectives as a tree of alignments, org → department → team →
// person. Filters pick objectives by plan, owner or perspective and keep the cascade around them.
// Targets and owners only: progress appears here once tracking exists, never invented before.
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import type { StrategyMapNode } from "@oars/core";
import { useSession } from "../auth/session";
import { teamsQuery } from "../team/queries";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatDate } from "../ui/format";
import { ProgressBadge } from "../progress/ProgressBadge";
import { planProgressQuery } from "../progress/queries";
import { PERSPECTIVE_LABELS, objectiveValue, ownerName } from "./labels";
import { everyoneQuery, plansQuery, strategyMapQuery } from "./queries";
import type { MapSearch } from "./search";

const route = getRouteApi("/app/strategy-map");

export function StrategyMapPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/strategy-map" });
  const [ownerType, ownerId] = (search.owner ?? "").split(":");
  const map = useQuery(
    strategyMapQuery({
      planId: search.planId,
      ownerType: ownerType === "person" || ownerType === "team" ? ownerType : undefined,
      ownerId: ownerId || undefined,
      perspective: search.perspective,
    }),
  );
  const plans = useQuery(plansQuery({}));
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const set = (patch: Partial<MapSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  const tree = useMemo(() => {
    const nodes = map.data?.nodes ?? [];
    const ids = new Set(nodes.map((n) => n.objective.id));
    const children = new Map<string | null, StrategyMapNode[]>();
    for (const n of nodes) {
      const parent =
        n.objective.parentObjectiveId && ids.has(n.objective.parentObjectiveId)
          ? n.objective.parentObjectiveId
          : null;
      children.set(parent, [...(children.get(parent) ?? []), n]);
    }
    return children;
  }, [map.data]);

  const names: Names = (t, id) => ownerName(t, id, people.data, teams.data);
  // Roots with something aligned below them form the cascade; lone objectives are listed after it.
  const roots = tree.get(null) ?? [];
  const cascade = roots.filter((n) => (tree.get(n.objective.id)?.length ?? 0) > 0);
  const loose = roots.filter((n) => (tree.get(n.objective.id)?.length ?? 0) === 0);

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Strategy map</h1>
          <p className="muted">
            How every objective you can see aligns under the goals above it. It shows targets and owners;
            progress joins once it is tracked.
          </p>
        </div>
      </header>
      <div className="toolbar plan-filters" role="search" aria-label="Filter the map">
        <label className="field-inline">
          <span>Plan</span>
          <select
            className="input input-small"
            value={search.planId ?? ""}
            onChange={(e) => set({ planId: e.target.value || undefined })}
          >
            <option value="">All plans</option>
            {(plans.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>Owner</span>
          <select
            className="input input-small"
            value={search.owner ?? ""}
            onChange={(e) => set({ owner: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            <optgroup label="Teams">
              {(teams.data ?? [])
                .filter((t) => !t.archived)
                .map((t) => (
                  <option key={t.id} value={`team:${t.id}`}>
                    {t.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label="People">
              {(people.data ?? [])
                .filter((p) => p.active)
                .map((p) => (
                  <option key={p.id} value={`person:${p.id}`}>
                    {p.name}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label className="field-inline">
          <span>Perspective</span>
          <select
            className="input input-small"
            value={search.perspective ?? ""}
            onChange={(e) => set({ perspective: (e.target.value || undefined) as MapSearch["perspective"] })}
          >
            <option value="">All</option>
            {Object.entries(PERSPECTIVE_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {map.isPending ? <Loading /> : null}
      {map.isError ? <ErrorNotice error={map.error} onRetry={() => void map.refetch()} /> : null}
      {map.isSuccess && map.data.nodes.length === 0 ? (
        <Empty title="No objectives to show">
          Objectives of the plans you can see appear here, aligned under each other.
        </Empty>
      ) : null}
      {map.isSuccess && map.data.nodes.length > 0 ? (
        <>
          <div className="card map-card" data-testid="cascade">
            <Branch level={cascade} tree={tree} names={names} />
          </div>
          {loose.length > 0 ? (
            <section className="stack" aria-labelledby="loose-title">
              <div>
                <h2 id="loose-title">Not in the cascade yet</h2>
                <p className="muted small">Aligned under nothing, with nothing aligned under them.</p>
              </div>
              <div className="card map-card">
                <Branch level={loose} tree={tree} names={names} />
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

type Names = (type: "person" | "team" | null, id: string | null) => string;

function Branch({
  level,
  tree,
  names,
}: {
  level: StrategyMapNode[];
  tree: Map<string | null, StrategyMapNode[]>;
  names: Names;
}) {
  return (
    <ul className="map-level" data-testid="map-level">
      {level.map((n) => (
        <li key={n.objective.id} className="map-item">
          <MapNode node={n} names={names} />
          {(tree.get(n.objective.id)?.length ?? 0) > 0 ? (
            <Branch level={tree.get(n.objective.id) ?? []} tree={tree} names={names} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function MapNode({ node, names }: { node: StrategyMapNode; names: Names }) {
  const currency = useSession().org.currency;
  const o = node.objective;
  const progress = useQuery(planProgressQuery(node.plan.id));
  const live = progress.data?.items.find((p) => p.objectiveId === o.id);
  return (
    <div
      className={
        node.matched
          ? `map-node persp-edge-${o.perspective}`
          : `map-node map-node-context persp-edge-${o.perspective}`
      }
      data-testid="map-node"
    >
      <Link
        to="/plans/$planId"
        params={{ planId: node.plan.id }}
        search={{ tab: "objectives", focus: o.id }}
        className="map-title"
      >
        {o.title}
      </Link>
      <p className="map-facts">
        <span>
          Target <strong>{objectiveValue(o, o.target, currency)}</strong>
          {o.dueDate ? ` by ${formatDate(o.dueDate)}` : ""}
        </span>
        <span>{names(o.ownerType, o.ownerId)}</span>
        <ProgressBadge progress={live} />
      </p>
      <p className="map-plan muted small">
        <span className={`tag persp persp-${o.perspective}`}>{PERSPECTIVE_LABELS[o.perspective]}</span>{" "}
        {node.plan.title}
      </p>
    </div>
  );
}
