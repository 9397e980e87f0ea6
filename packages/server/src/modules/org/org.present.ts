// Rows of the org module turned into API shapes. Never return a database row.
import type { Membership, Org, Person, Team } from "@oars/core";
import type { OrgsTable, PeopleTable, TeamMembershipsTable, TeamsTable } from "../../db/schema";

export function presentOrg(r: OrgsTable): Org {
  return {
    id: r.id,
    name: r.name,
    currency: r.currency,
    timeZone: r.time_zone,
    fiscalYearStartMonth: r.fiscal_year_start_month,
    weekStartsOn: r.week_starts_on,
    workingDays: JSON.parse(r.working_days) as number[],
    holidays: JSON.parse(r.holidays) as string[],
    version: r.version,
    createdAt: r.created_at,
  };
}

export function presentTeam(r: TeamsTable): Team {
  return {
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    leadId: r.lead_id,
    archived: r.archived_at !== null,
    version: r.version,
    createdAt: r.created_at,
  };
}

export function presentPerson(r: PeopleTable): Person {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    teamId: r.team_id,
    hireDate: r.hire_date,
    capacityHoursPerWeek: r.capacity_hours_per_week,
    active: r.active === 1,
    hasPassword: r.password_hash !== null,
    version: r.version,
    createdAt: r.created_at,
  };
}

/** The audit log keeps a person without their password hash. */
export function auditPerson(r: PeopleTable): Person {
  return presentPerson(r);
}

export function presentMembership(r: TeamMembershipsTable): Membership {
  return { id: r.id, personId: r.person_id, teamId: r.team_id, startDate: r.start_date, endDate: r.end_date };
}
