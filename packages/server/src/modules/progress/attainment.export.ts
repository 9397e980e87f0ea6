// Attainment as CSV for commission work: one line per owner × period × goal of each closed period,
// with target, actual and attainment as frozen. Cells go through the CRM's csv-export helper, which
// neutralises anything a spreadsheet would run as a formula.
import { metricByKey, type PeriodClose } from "@oars/core";
import type { Q } from "../../db/tx";
import { csvLine, majorUnits, type Cell } from "../crm/csv-export";
import { minorDigits } from "../crm/money";

const HEADER = [
  "Period",
  "Period start",
  "Period end",
  "Owner type",
  "Owner",
  "Email",
  "Team",
  "Goal",
  "Kind",
  "Metric",
  "Goal start",
  "Goal end",
  "Target",
  "Actual",
  "Attainment (%)",
];

export async function attainmentCsv(q: Q, orgId: string, closes: PeriodClose[]): Promise<string> {
  const org = await q.selectFrom("orgs").select("currency").where("id", "=", orgId).executeTakeFirstOrThrow();
  const digits = minorDigits(org.currency);
  const people = new Map(
    (await q.selectFrom("people").select(["id", "email"]).where("org_id", "=", orgId).execute()).map((p) => [
      p.id,
      p.email,
    ]),
  );
  const teams = new Map(
    (await q.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).execute()).map((t) => [
      t.id,
      t.name,
    ]),
  );
  // A byte-order mark tells Excel the file is UTF-8.
  let out = `\uFEFF${csvLine(HEADER)}`;
  for (const c of closes)
    for (const r of c.rows) {
      const money = metricByKey(r.metricKey ?? "")?.unit === "money";
      const value = (v: number | null): Cell =>
        v === null ? null : money ? majorUnits(Math.round(v), digits) : v;
      out += csvLine([
        c.label,
        c.periodStart,
        c.periodEnd,
        r.ownerType,
        r.ownerName,
        r.ownerType === "person" ? (people.get(r.ownerId) ?? null) : null,
        r.teamId ? (teams.get(r.teamId) ?? null) : null,
        r.title,
        r.kind,
        r.metricKey,
        r.periodStart,
        r.periodEnd,
        value(r.target),
        value(r.actual),
        r.attainment === null ? null : (r.attainment * 100).toFixed(2),
      ]);
    }
  return out;
}
