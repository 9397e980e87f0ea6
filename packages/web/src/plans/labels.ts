// How planning values read on screen: statuses, perspectives, owners, and metric values in their
// unit (money is integer minor units in the API and major units in forms).
import { formatMetricValue, metricByKey, subtreeIds } from "@oars/core";
import type { Objective, Person, PlanStatus, Session, Team } from "@oars/core";

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Draft",
  active: "Active",
  closed: "Closed",
  archived: "Archived",
};

export const PERSPECTIVE_LABELS: Record<Objective["perspective"], string> = {
  financial: "Financial",
  customer: "Customer",
  internal_process: "Internal process",
  learning_growth: "Learning and growth",
};

export const OBJECTIVE_STATUS_LABELS: Record<Objective["status"], string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  done: "Done",
  dropped: "Dropped",
};

export const INITIATIVE_STATUS_LABELS = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
} as const;

/** Digits after the decimal point of a currency's minor unit (2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** minorDigits(currency));
export const toMajor = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

export function isMoneyMetric(o: Pick<Objective, "metric">): boolean {
  return o.metric !== null && metricByKey(o.metric.key).unit === "money";
}

/** A baseline or target as a reader expects it: "USD 1,200,000.00", "26%", "10 modules". */
export function objectiveValue(
  o: Pick<Objective, "metric" | "unit">,
  value: number | null,
  currency: string,
): string {
  if (value === null) return "—";
  const unit = o.metric ? metricByKey(o.metric.key).unit : "count";
  if (unit === "money") return formatMetricValue(value, "money", { currency });
  const label = o.metric?.unit ?? (unit === "count" ? o.unit : undefined);
  return formatMetricValue(value, unit, { unitLabel: label || undefined });
}

export interface OwnerOption {
  type: "person" | "team";
  id: string;
  label: string;
}

export function ownerName(
  type: "person" | "team" | null,
  id: string | null,
  people: readonly Person[] | undefined,
  teams: readonly Team[] | undefined,
): string {
  if (!type || !id) return "No owner";
  if (type === "person") return people?.find((p) => p.id === id)?.name ?? "Someone";
  const team = teams?.find((t) => t.id === id);
  return team ? `${team.name} (team)` : "A team";
}

/**
 * Who the signed-in person may plan for, mirroring the server's rule (policies/plans.policy.ts):
 * an admin anyone; a manager the teams of their subtree and their people; a member themself.
 */
export function plannableOwners(
  session: Session,
  teams: readonly Team[],
  people: readonly Person[],
): OwnerOption[] {
  const me = session.person;
  if (me.role === "viewer") return [];
  const live = teams.filter((t) => !t.archived);
  const inScope =
    me.role === "admin"
      ? () => true
      : me.role === "manager" && me.teamId
        ? (
            (scope: Set<string>) => (teamId: string | null) =>
              teamId !== null && scope.has(teamId)
          )(subtreeIds(live, me.teamId))
        : () => false;
  const teamOptions = live
    .filter((t) => inScope(t.id))
    .map((t) => ({ type: "team" as const, id: t.id, label: `${t.name} (team)` }));
  const personOptions = people
    .filter((p) => p.active && (p.id === me.id || inScope(p.teamId)))
    .map((p) => ({ type: "person" as const, id: p.id, label: p.id === me.id ? `${p.name} (you)` : p.name }));
  return [
    ...personOptions.filter((p) => p.id === me.id),
    ...teamOptions,
    ...personOptions.filter((p) => p.id !== me.id),
  ];
}

/** An owner select's "type:id" value as the API's pair; empty means no owner. */
export function parseOwner(value: string): { ownerType: "person" | "team" | null; ownerId: string | null } {
  const [type, id] = value.split(":");
  return (type === "person" || type === "team") && id
    ? { ownerType: type, ownerId: id }
    : { ownerType: null, ownerId: null };
}
