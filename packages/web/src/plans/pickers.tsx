// The owner and "aligned under" pickers of the objective and initiative editors.
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import type { StrategicPlan } from "@oars/core";
import type { ControlProps } from "../ui/Field";
import { teamsQuery } from "../team/queries";
import { ownerName } from "./labels";
import { everyoneQuery, strategyMapQuery } from "./queries";

interface OwnerProps {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  /** Offered first, as "(plan owner)". */
  plan?: StrategicPlan;
}

/** Any live team or active person of the org, as "type:id"; empty for no owner yet. */
export function OwnerSelect({ control, value, onChange, plan }: OwnerProps) {
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">No owner yet</option>
      {plan ? (
        <option value={`${plan.ownerType}:${plan.ownerId}`}>
          {ownerName(plan.ownerType, plan.ownerId, people.data, teams.data)} (plan owner)
        </option>
      ) : null}
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
  );
}

interface ParentProps {
  control: ControlProps;
  plan: StrategicPlan;
  /** The objective being edited; null for a new one. */
  objectiveId: string | null;
  value: string;
  onChange: (value: string) => void;
}

/** Every objective the reader can see, by plan, except this one and what is aligned below it. */
export function ParentSelect({ control, plan, objectiveId, value, onChange }: ParentProps) {
  const map = useQuery(strategyMapQuery({}));
  const groups = useMemo(() => {
    const nodes = map.data?.nodes ?? [];
    // Anything aligned below this objective cannot become its parent: that would be a loop.
    const below = new Set<string>(objectiveId ? [objectiveId] : []);
    for (let grew = true; grew;) {
      grew = false;
      for (const n of nodes) {
        const parent = n.objective.parentObjectiveId;
        if (parent && below.has(parent) && !below.has(n.objective.id)) {
          below.add(n.objective.id);
          grew = true;
        }
      }
    }
    const byPlan = new Map<string, { title: string; items: { id: string; title: string }[] }>();
    for (const n of nodes) {
      if (below.has(n.objective.id)) continue;
      const group = byPlan.get(n.plan.id) ?? { title: n.plan.title, items: [] };
      group.items.push({ id: n.objective.id, title: n.objective.title });
      byPlan.set(n.plan.id, group);
    }
    // The plans above come first; this plan's own objectives last.
    return [...byPlan.entries()].sort(([a], [b]) => (a === plan.id ? 1 : b === plan.id ? -1 : 0));
  }, [map.data, objectiveId, plan.id]);

  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Not aligned</option>
      {groups.map(([planId, group]) => (
        <optgroup key={planId} label={planId === plan.id ? `${group.title} (this plan)` : group.title}>
          {group.items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
