// The org's calendar, currency and "today" in its time zone: every tactical computation (periods,
// working days, this week) runs on them.
import type { OrgCalendar } from "@oars/core";
import type { Q } from "../../db/tx";
import { todayInZone } from "../../lib/dates";

export interface OrgSettings {
  calendar: OrgCalendar;
  currency: string;
  timeZone: string;
  today: string;
}

export async function orgSettings(q: Q, orgId: string, at: Date = new Date()): Promise<OrgSettings> {
  const org = await q.selectFrom("orgs").selectAll().where("id", "=", orgId).executeTakeFirstOrThrow();
  return {
    calendar: {
      fiscalYearStartMonth: org.fiscal_year_start_month,
      weekStartsOn: org.week_starts_on,
      workingDays: JSON.parse(org.working_days) as number[],
      holidays: JSON.parse(org.holidays) as string[],
    },
    currency: org.currency,
    timeZone: org.time_zone,
    today: todayInZone(org.time_zone, at),
  };
}
