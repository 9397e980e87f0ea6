// Step 2b: the CRM's owner ids or names and stage names that Oars cannot place by itself, each
// mapped to a person or a stage. The maps apply to this import at once (the preview follows) and
// can be saved for the org's next imports; saved entries show here and can be changed or dropped.
import { useId } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ImportEntity, ImportPreview } from "@oars/core";
import { api, query } from "../api/client";
import { errorMessage } from "../api/errors";
import { directoryQuery, stagesQuery } from "../crm/queries";
import { useToast } from "../ui/Toast";

type Kind = "owner" | "stage";
export interface ValueMaps {
  ownerMap: Record<string, string>;
  stageMap: Record<string, string>;
  saveValueMaps: boolean;
}

const valueMapQuery = (kind: Kind) => ({
  queryKey: ["imports", "value-maps", kind] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    (
      await api.get<{ items: { source: string; targetId: string }[] }>(
        `/api/v1/imports/value-maps${query({ kind })}`,
        { signal },
      )
    ).items,
});

/** Values of `field` in the previewed rows whose row has a problem on that field. */
function unplaced(preview: ImportPreview | undefined, field: string): string[] {
  const out = new Set<string>();
  for (const row of preview?.rows ?? []) {
    const value = row.values[field]?.trim();
    if (value && row.problems.some((p) => p.field === field)) out.add(value);
  }
  return [...out].sort();
}

export function ValueMapEditor({
  entity,
  preview,
  maps,
  onMaps,
}: {
  entity: ImportEntity;
  preview: ImportPreview | undefined;
  maps: ValueMaps;
  onMaps: (maps: ValueMaps) => void;
}) {
  const id = useId();
  const notify = useToast();
  const queryClient = useQueryClient();
  const people = useQuery(directoryQuery);
  const stages = useQuery(stagesQuery);
  const savedOwners = useQuery(valueMapQuery("owner"));
  const savedStages = useQuery(valueMapQuery("stage"));
  const usesOwner = Object.values(preview?.columns ?? {}).includes("owner");
  const usesStage = entity === "deals" && Object.values(preview?.columns ?? {}).includes("stage");
  const save = useMutation({
    mutationFn: async () => {
      for (const [kind, map] of [
        ["owner", maps.ownerMap],
        ["stage", maps.stageMap],
      ] as const) {
        const entries = Object.entries(map).map(([source, targetId]) => ({ source, targetId }));
        if (entries.length) await api.put(`/api/v1/imports/value-maps`, { kind, entries });
      }
    },
    onSuccess: () => {
      notify("Saved the value maps for the next imports");
      void queryClient.invalidateQueries({ queryKey: ["imports", "value-maps"] });
    },
    onError: (error) => notify(errorMessage(error), "error"),
  });
  const forget = useMutation({
    mutationFn: ({ kind, source }: { kind: Kind; source: string }) =>
      api.put(`/api/v1/imports/value-maps`, { kind, entries: [{ source, targetId: null }] }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["imports", "value-maps"] }),
    onError: (error) => notify(errorMessage(error), "error"),
  });
  if (!usesOwner && !usesStage) return null;

  const activePeople = [...(people.data?.values() ?? [])]
    .filter((p) => p.active)
    .sort((a, b) => a.name.localeCompare(b.name));
  const activeStages = [...(stages.data ?? [])]
    .filter((s) => !s.archived)
    .sort((a, b) => a.position - b.position);
  const section = (kind: Kind) => {
    const field = kind === "owner" ? "owner" : "stage";
    const mapKey = kind === "owner" ? "ownerMap" : "stageMap";
    const map = maps[mapKey];
    const values = [...new Set([...unplaced(preview, field), ...Object.keys(map)])].sort();
    const saved = (kind === "owner" ? savedOwners.data : savedStages.data) ?? [];
    const options = kind === "owner" ? activePeople : activeStages;
    const nameOf = (targetId: string) => options.find((o) => o.id === targetId)?.name ?? "Removed";
    return (
      <div className="stack" data-testid={`value-map-${kind}`}>
        <h3 className="subhead">{kind === "owner" ? "CRM owners → people" : "CRM stages → Oars stages"}</h3>
        {values.length === 0 ? (
          <p className="muted small">
            {kind === "owner"
              ? "Every owner in the first rows matches a person by email or name."
              : "Every stage in the first rows matches an Oars stage by name."}
          </p>
        ) : (
          <ul className="settings-rows">
            {values.map((value, i) => (
              <li key={value} className="settings-row">
                <label htmlFor={`${id}-${kind}-${i}`} className="mono value-map-source">
                  {value}
                </label>
                <select
                  id={`${id}-${kind}-${i}`}
                  className="input value-map-target"
                  value={map[value] ?? ""}
                  onChange={(e) => {
                    const next = { ...map };
                    if (e.target.value) next[value] = e.target.value;
                    else delete next[value];
                    onMaps({ ...maps, [mapKey]: next });
                  }}
                >
                  <option value="">{kind === "owner" ? "Choose a person…" : "Choose a stage…"}</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        )}
        {saved.length > 0 ? (
          <details>
            <summary className="small">Saved for every import ({saved.length})</summary>
            <ul className="settings-rows">
              {saved.map((entry) => (
                <li key={entry.source} className="settings-row small">
                  <span className="mono">{entry.source}</span>
                  <span aria-hidden="true">→</span>
                  <span>{nameOf(entry.targetId)}</span>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    aria-label={`Forget ${entry.source}`}
                    onClick={() => forget.mutate({ kind, source: entry.source })}
                  >
                    Forget
                  </button>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    );
  };
  const any = Object.keys(maps.ownerMap).length + Object.keys(maps.stageMap).length > 0;
  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="value-maps">
      <div>
        <h2 id={`${id}-title`} className="card-title">
          Owners and stages from your CRM
        </h2>
        <p className="muted small">
          Owners match people by email or name and stages match by name; map the ones that don't (a CRM user
          id, an old stage name). The preview below follows at once.
        </p>
      </div>
      {usesOwner ? section("owner") : null}
      {usesStage ? section("stage") : null}
      <div className="inline-form">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={maps.saveValueMaps}
            onChange={(e) => onMaps({ ...maps, saveValueMaps: e.target.checked })}
          />
          Remember these for the next imports when this one runs
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={!any || save.isPending}
          onClick={() => save.mutate()}
        >
          Save value maps now
        </button>
      </div>
    </section>
  );
}
