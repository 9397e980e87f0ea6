// The funnel by stage — open deals and their amount — with each stage's conversion as the tactical
// plan assumes it beside what the history shows, and the plan's flagged gaps.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Dashboard } from "@oars/core";
import { funnelQuery } from "../tactics/queries";
import { money, pct } from "./format";

export function FunnelVsPlan({ d, tacticalPlanId }: { d: Dashboard; tacticalPlanId: string | null }) {
  const f = useQuery({ ...funnelQuery(tacticalPlanId ?? ""), enabled: tacticalPlanId !== null });
  const planned = new Map(f.data?.assumptions.stages.map((s) => [s.name, s.conversionToNext]) ?? []);
  const learned = new Map(f.data?.learned?.stages.map((s) => [s.name, s.conversionToNext]) ?? []);
  const gaps = new Set(f.data?.gaps.filter((g) => g.stage).map((g) => g.stage) ?? []);
  return (
    <>
      <table className="table table-row-heads funnel-table" data-testid="funnel-vs-plan">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Deals</th>
            <th scope="col">Amount</th>
            <th scope="col">Plan converts</th>
            <th scope="col">History converts</th>
          </tr>
        </thead>
        <tbody>
          {d.funnel.map((s) => {
            const hist = learned.get(s.name);
            return (
              <tr key={s.stageId} className={gaps.has(s.name) ? "funnel-gap" : undefined}>
                <th scope="row">
                  <Link to="/deals" search={{ stageId: s.stageId }}>
                    {s.name}
                  </Link>
                </th>
                <td data-label="Deals">{s.deals}</td>
                <td data-label="Amount">{money(s.amountMinor, d.currency)}</td>
                <td data-label="Plan">{planned.has(s.name) ? pct(planned.get(s.name) ?? null) : "—"}</td>
                <td data-label="History">
                  {hist?.value != null ? `${pct(hist.value)} (${hist.sampleSize} deals)` : "—"}
                  {gaps.has(s.name) ? " ⚠" : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {f.data && f.data.gaps.length > 0 ? (
        <ul className="small funnel-gaps">
          {f.data.gaps.map((g) => (
            <li key={`${g.assumption}-${g.stage ?? ""}`}>{g.message}</li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">
        Open deals, plus those won or lost this period.{" "}
        {tacticalPlanId ? (
          <Link to="/tactics/$tacticalPlanId" params={{ tacticalPlanId }}>
            The plan&apos;s funnel
          </Link>
        ) : (
          "No tactical plan for this period yet."
        )}
      </p>
    </>
  );
}
