// Attainment by person and month: each cell is revenue won against the person's milestone for the
// month (coloured by attainment), or the revenue alone where no tactical plan set a target.
import { Link } from "@tanstack/react-router";
import type { Dashboard } from "@oars/core";
import { compact, money, pct } from "./format";

/** "2026-11" → "2026-11-30". */
function monthEnd(month: string): string {
  const [y = 0, m = 0] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function band(attainment: number | null): string {
  if (attainment === null) return "heat-none";
  if (attainment >= 1) return "heat-4";
  if (attainment >= 0.9) return "heat-3";
  if (attainment >= 0.6) return "heat-2";
  if (attainment >= 0.3) return "heat-1";
  return "heat-0";
}

export function AttainmentHeatmap({ d }: { d: Dashboard }) {
  const months = [...new Set(d.heatmap.map((c) => c.month))].sort();
  const people = [...new Map(d.heatmap.map((c) => [c.key, c.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const cell = new Map(d.heatmap.map((c) => [`${c.key}|${c.month}`, c]));
  if (people.length === 0) return <p className="muted small">No revenue won in the last six months.</p>;
  return (
    <div className="heatmap-wrap">
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col">Person</th>
            {months.map((m) => (
              <th key={m} scope="col">
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map(([id, name]) => (
            <tr key={id}>
              <th scope="row">
                <Link to="/people/$personId" params={{ personId: id }}>
                  {name}
                </Link>
              </th>
              {months.map((m) => {
                const c = cell.get(`${id}|${m}`);
                const title = c
                  ? `${name}, ${m}: ${money(c.actualMinor, d.currency)} won` +
                    (c.targetMinor !== null
                      ? ` of ${money(c.targetMinor, d.currency)} (${pct(c.attainment)})`
                      : "")
                  : `${name}, ${m}: nothing won`;
                return (
                  <td key={m} className={band(c?.attainment ?? null)} title={title}>
                    <Link
                      to="/deals"
                      search={{ ownerId: id, status: "won", closeFrom: `${m}-01`, closeTo: monthEnd(m) }}
                      aria-label={title}
                    >
                      {c
                        ? c.attainment !== null
                          ? pct(c.attainment)
                          : compact(c.actualMinor, "money")
                        : "·"}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Percent: attainment of the month&apos;s milestone. Amount: won where no milestone was set. Each cell
        opens its deals.
      </p>
    </div>
  );
}
