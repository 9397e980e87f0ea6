// "Whose records": anyone in one's scope, only one's own, a team's, or one person's (picked from
// the directory). Writes the list's mine / teamId / ownerId filters.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { PersonPicker } from "../people/PersonPicker";
import { teamsQuery } from "../team/queries";
import { teamPathLabel } from "../team/TeamPath";
import { Dialog } from "../ui/Dialog";
import type { ListSearch } from "./queries";
import { usePersonName } from "./names";

interface OwnerFilterProps {
  id: string;
  search: ListSearch;
  onChange: (next: ListSearch) => void;
}

export function OwnerFilter({ id, search, onChange }: OwnerFilterProps) {
  const teams = useQuery(teamsQuery);
  const [picking, setPicking] = useState(false);
  const ownerId = typeof search.ownerId === "string" ? search.ownerId : undefined;
  const teamId = typeof search.teamId === "string" ? search.teamId : undefined;
  const ownerName = usePersonName(ownerId ?? null);
  const value = search.mine ? "mine" : ownerId ? `person:${ownerId}` : teamId ? `team:${teamId}` : "";
  const all = teams.data ?? [];
  const active = all
    .filter((t) => !t.archived || t.id === teamId)
    .map((t) => ({ id: t.id, label: teamPathLabel(all, t.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const base = { ...search, mine: undefined, ownerId: undefined, teamId: undefined };

  function choose(next: string) {
    if (next === "pick") return setPicking(true);
    if (next === "mine") return onChange({ ...base, mine: true });
    if (next.startsWith("team:")) return onChange({ ...base, teamId: next.slice(5) });
    if (next.startsWith("person:")) return onChange({ ...base, ownerId: next.slice(7) });
    onChange(base);
  }

  return (
    <>
      <select id={id} className="input input-small" value={value} onChange={(e) => choose(e.target.value)}>
        <option value="">Anyone</option>
        <option value="mine">Only mine</option>
        {ownerId ? <option value={`person:${ownerId}`}>{ownerName || "One person"}</option> : null}
        <option value="pick">Choose a person…</option>
        {active.length > 0 ? (
          <optgroup label="Counted for team">
            {active.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {picking ? (
        <Dialog title="Owned by" onClose={() => setPicking(false)}>
          <PersonPicker
            label="Find a person"
            autoFocus
            pickLabel={(person) => `Show records owned by ${person.name}`}
            onPick={(person) => {
              setPicking(false);
              onChange({ ...base, ownerId: person.id });
            }}
          />
        </Dialog>
      ) : null}
    </>
  );
}
