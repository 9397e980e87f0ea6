// A demo rep's activity log, every working day since they started (or two years back) and two
// weeks ahead: calls, emails, meetings, demos, tasks and notes in believable daily volumes, done
// in the past and planned in the future, each on one of their accounts (and its open deal).
import { newId } from "../../db/ids";
import { addDaysIso } from "../../lib/dates";
import type { AccountsTable, ActivitiesTable, ContactsTable, DealsTable } from "../crm/crm.schema";
import { CALL_OUTCOMES, MEETING_OUTCOMES, type Random } from "./demo.sales-data";

/** Mean count per working day for a ramped rep. */
const DAILY = [
  { type: "call", mean: 2.4, minutes: [5, 25], subject: "Call" },
  { type: "email", mean: 1.2, minutes: null, subject: "Email" },
  { type: "meeting", mean: 0.4, minutes: [30, 60], subject: "Meeting" },
  { type: "demo", mean: 0.12, minutes: [45, 90], subject: "Product demo" },
  { type: "task", mean: 0.2, minutes: null, subject: "Follow up" },
  { type: "note", mean: 0.1, minutes: null, subject: "Account note" },
] as const;

export function activitiesFor(
  r: Random,
  orgId: string,
  rep: { id: string; teamId: string | null; hireDate: string },
  since: string,
  today: string,
  accounts: { account: AccountsTable; contacts: ContactsTable[] }[],
  openDeals: DealsTable[],
): ActivitiesTable[] {
  const out: ActivitiesTable[] = [];
  const until = addDaysIso(today, 14);
  for (let day = since; day <= until; day = addDaysIso(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // A new hire books fewer calls in their first weeks.
    const ramp = Math.min(1, (Date.parse(day) - Date.parse(rep.hireDate)) / (60 * 86_400_000) + 0.3);
    for (const kind of DAILY)
      for (let n = r.poisson(kind.mean * ramp); n > 0; n--) {
        const home = r.pick(accounts);
        const contact = home.contacts.length ? r.pick(home.contacts) : null;
        const deal = openDeals.find((d) => d.account_id === home.account.id) ?? null;
        const at = `${day}T${String(r.int(13, 21)).padStart(2, "0")}:${String(r.int(0, 11) * 5).padStart(2, "0")}:00.000Z`;
        const past = day <= today;
        const status = !past ? "planned" : kind.type === "meeting" && r.chance(0.06) ? "cancelled" : "done";
        const outcome =
          status !== "done"
            ? null
            : kind.type === "call"
              ? r.pick(CALL_OUTCOMES)
              : kind.type === "meeting" || kind.type === "demo"
                ? r.pick(MEETING_OUTCOMES)
                : null;
        out.push({
          id: newId(),
          org_id: orgId,
          type: kind.type,
          subject: `${kind.subject} — ${home.account.name}${contact ? ` (${contact.name})` : ""}`,
          notes: null,
          account_id: home.account.id,
          contact_id: contact?.id ?? null,
          deal_id: deal && r.chance(0.6) ? deal.id : null,
          occurred_at: at,
          duration_minutes: kind.minutes ? r.int(kind.minutes[0], kind.minutes[1]) : null,
          outcome,
          status,
          owner_id: rep.id,
          team_id: rep.teamId,
          external_id: null,
          deleted_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        });
      }
  }
  return out;
}
