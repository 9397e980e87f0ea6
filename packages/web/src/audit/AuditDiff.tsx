// One audit entry's change, field by field: the old value struck through, the new one beside it.
// Ids of teams and people show as their names.
import { useQuery } from "@tanstack/react-query";
import type { Team } from "@oars/core";
import { personQuery } from "../people/queries";
import { teamPathLabel } from "../team/TeamPath";
import { formatInstant } from "../ui/format";
import { diffRows, formatValue, referenceKind } from "./diff";

export function AuditDiff({
  before,
  after,
  teams,
}: {
  before: unknown;
  after: unknown;
  teams: readonly Team[];
}) {
  const rows = diffRows(before, after);
  if (rows.length === 0) {
    const nothing = (before === null || before === undefined) && (after === null || after === undefined);
    return <span className="muted small">{nothing ? "No details recorded" : "No field changed"}</span>;
  }
  return (
    <dl className="diff">
      {rows.map((row) => (
        <div key={row.field} className="diff-row">
          <dt>{row.label}</dt>
          <dd>
            {row.kind !== "added" ? (
              <del className="diff-before">
                <span className="visually-hidden">was </span>
                <Value field={row.field} value={row.before} teams={teams} />
              </del>
            ) : null}
            {row.kind === "changed" ? (
              <span className="diff-arrow" aria-hidden="true">
                →
              </span>
            ) : null}
            {row.kind !== "removed" ? (
              <ins className="diff-after">
                <span className="visually-hidden">{row.kind === "added" ? "set to " : "now "}</span>
                <Value field={row.field} value={row.after} teams={teams} />
              </ins>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ field, value, teams }: { field: string; value: unknown; teams: readonly Team[] }) {
  const kind = typeof value === "string" ? referenceKind(field) : null;
  if (kind === "team" && typeof value === "string") {
    const known = teams.some((t) => t.id === value);
    return <>{known ? teamPathLabel(teams, value) : value}</>;
  }
  if (kind === "person" && typeof value === "string") return <PersonName id={value} />;
  return <>{formatValue(value, formatInstant)}</>;
}

function PersonName({ id }: { id: string }) {
  const person = useQuery({ ...personQuery(id), staleTime: 5 * 60_000 });
  return <>{person.data?.name ?? id}</>;
}
