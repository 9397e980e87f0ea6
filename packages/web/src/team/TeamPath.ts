// A team's place in the tree, as "Sales › North › Key accounts".
import { ancestorIds } from "@oars/core";
import type { Team } from "@oars/core";

export function teamPath(teams: readonly Team[], teamId: string): Team[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const ids = [...ancestorIds(teams, teamId).reverse(), teamId];
  return ids.flatMap((id) => {
    const team = byId.get(id);
    return team ? [team] : [];
  });
}

export function teamPathLabel(teams: readonly Team[], teamId: string): string {
  return teamPath(teams, teamId)
    .map((t) => t.name)
    .join(" › ");
}
