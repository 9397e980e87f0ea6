// One demo deal: its cycle by segment, how far it gets through the pipeline (each open stage passed
// with a fixed chance, so about one in four is won), its stage history, and the end-of-quarter
// slip a third of deals take.
import { newId } from "../../db/ids";
import { addDaysIso } from "../../lib/dates";
import type {
  AccountsTable,
  DealProductsTable,
  DealStageHistoryTable,
  DealsTable,
  PipelineStagesTable,
} from "../crm/crm.schema";
import { nameKey } from "../crm/text";
import { LOST_REASONS, type Random } from "./demo.sales-data";
import type { Rep } from "./demo.sales";

export const SEGMENTS = [
  { segment: "SMB", weight: 0.5, amount: [5_000, 20_000], cycle: [15, 40], employees: [10, 200] },
  { segment: "Mid-market", weight: 0.35, amount: [20_000, 80_000], cycle: [35, 80], employees: [200, 2_000] },
  {
    segment: "Enterprise",
    weight: 0.15,
    amount: [80_000, 300_000],
    cycle: [70, 150],
    employees: [2_000, 50_000],
  },
] as const;
export type Segment = (typeof SEGMENTS)[number];
/** Chance to move on from each open stage; failing one loses the deal there (~25% won overall). */
const ADVANCE = [0.78, 0.75, 0.72, 0.78, 0.72];

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export interface DealRows {
  history: DealStageHistoryTable[];
  lines: DealProductsTable[];
}

export function makeDeal(
  r: Random,
  orgId: string,
  rep: Rep,
  account: AccountsTable,
  seg: Segment,
  stages: PipelineStagesTable[],
  created: string,
  today: string,
  productIds: string[],
  out: DealRows,
): DealsTable {
  const { history, lines } = out;
  const open = stages.filter((s) => s.kind === "open");
  const won = stages.find((s) => s.kind === "won");
  const lost = stages.find((s) => s.kind === "lost");
  const cycle = r.int(seg.cycle[0], seg.cycle[1]);
  let close = addDaysIso(created, cycle);
  // A third of deals slip to the quarter's last day: the end-of-quarter push.
  if (r.chance(0.33)) close = quarterEnd(close);
  let reached = 0;
  // Buyers sign before their budget year ends and stall in the summer: the last step leans with it.
  const month = Number(close.slice(5, 7));
  const lean = month >= 11 ? 0.12 : month === 7 || month === 8 ? -0.12 : 0;
  const chance = (k: number) => (ADVANCE[k] ?? 0) + (k === ADVANCE.length - 1 ? lean : 0);
  while (reached < ADVANCE.length && r.chance(chance(reached))) reached++;
  const isWon = reached === ADVANCE.length;
  const decided = close <= today;
  const steps = decided
    ? Math.min(reached, open.length - 1)
    : Math.min(reached, open.length - 1, Math.floor((daysBetween(created, today) / cycle) * open.length));
  const id = newId();
  const dates = (k: number) => addDaysIso(created, Math.round((cycle * k) / (steps + 1)));
  let from: string | null = null;
  for (let k = 0; k <= steps; k++) {
    const stage = open[k];
    if (!stage) break;
    history.push({
      id: newId(),
      org_id: orgId,
      deal_id: id,
      from_stage_id: from,
      to_stage_id: stage.id,
      changed_at: `${k === 0 ? created : dates(k)}T15:00:00.000Z`,
      changed_by: rep.id,
    });
    from = stage.id;
  }
  const final = decided ? (isWon ? won : lost) : open[steps];
  if (decided && final)
    history.push({
      id: newId(),
      org_id: orgId,
      deal_id: id,
      from_stage_id: from,
      to_stage_id: final.id,
      changed_at: `${close}T16:00:00.000Z`,
      changed_by: rep.id,
    });
  const stage = final ?? (open[0] as PipelineStagesTable);
  const amount = Math.round(r.int(seg.amount[0], seg.amount[1]) / 500) * 500 * 100;
  if (r.chance(0.5))
    lines.push({
      id: newId(),
      org_id: orgId,
      deal_id: id,
      product_id: r.pick(productIds),
      quantity: r.int(1, 20),
      unit_price_minor: Math.round(amount / 10),
    });
  const at = `${created}T14:00:00.000Z`;
  const name = `${account.name.split(" ").slice(0, 2).join(" ")} — ${r.pick(["expansion", "new licence", "renewal", "pilot", "rollout", "upgrade"])}`;
  return {
    id,
    org_id: orgId,
    account_id: account.id,
    name,
    name_key: nameKey(name),
    amount_minor: amount,
    currency: "USD",
    amount_org_minor: amount,
    stage_id: stage.id,
    status: stage.kind,
    probability: stage.probability,
    forecast_category: stage.forecast_category,
    close_date: close,
    created_date: created,
    lost_reason: stage.kind === "lost" ? r.pick(LOST_REASONS) : null,
    business_type: r.chance(0.35) ? "existing" : "new",
    stage_changed_at: history[history.length - 1]?.changed_at ?? at,
    owner_id: rep.id,
    team_id: rep.teamId,
    external_id: null,
    deleted_at: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
}

function quarterEnd(date: string): string {
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 3;
  const year = Number(date.slice(0, 4));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${last}`;
}
