// Contracts of the organisation, its team tree and its people.
import { z } from "zod";
import { CurrencyCode, Email, Id, Instant, IsoDate, Name, PageQuery, Role, Version } from "./common";

export const Weekday = z.number().int().min(1).max(7).describe("ISO weekday, 1 = Monday … 7 = Sunday");

export const OrgSettings = z.object({
  name: Name,
  currency: CurrencyCode,
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => isTimeZone(tz), "must be an IANA time zone such as Europe/Paris"),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  weekStartsOn: Weekday,
  workingDays: z
    .array(Weekday)
    .min(1, "at least one working day")
    .max(7)
    .refine((d) => new Set(d).size === d.length, "must not repeat a day"),
  holidays: z.array(IsoDate).max(400),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export const Org = OrgSettings.extend({ id: Id, version: z.number().int(), createdAt: Instant });
export type Org = z.infer<typeof Org>;
export const OrgUpdate = OrgSettings.partial().extend({ version: Version });

export const Team = z.object({
  id: Id,
  name: z.string(),
  parentId: Id.nullable(),
  leadId: Id.nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: Instant,
});
export type Team = z.infer<typeof Team>;
export const TeamCreate = z.object({
  name: Name,
  parentId: Id.nullable().default(null),
  leadId: Id.nullable().default(null),
});
export type TeamCreate = z.infer<typeof TeamCreate>;
export const TeamUpdate = z.object({
  version: Version,
  name: Name.optional(),
  parentId: Id.nullable().optional().describe("Move the team under another (null = top level)"),
  leadId: Id.nullable().optional(),
  archived: z.boolean().optional(),
});
export type TeamUpdate = z.infer<typeof TeamUpdate>;
export const TeamQuery = z.object({ includeArchived: z.stringbool().default(false) });

export const Person = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  teamId: Id.nullable(),
  hireDate: IsoDate.nullable(),
  capacityHoursPerWeek: z.number(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  version: z.number().int(),
  createdAt: Instant,
});
export type Person = z.infer<typeof Person>;

const Capacity = z.number().min(0).max(168, "must be at most 168 hours a week");
export const PersonCreate = z.object({
  name: Name,
  email: Email,
  role: Role.default("member"),
  teamId: Id.nullable().default(null),
  hireDate: IsoDate.nullable().default(null),
  capacityHoursPerWeek: Capacity.default(40),
});
export type PersonCreate = z.infer<typeof PersonCreate>;
export const PersonUpdate = z.object({
  version: Version,
  name: Name.optional(),
  email: Email.optional(),
  role: Role.optional(),
  teamId: Id.nullable().optional(),
  teamChangeDate: IsoDate.optional().describe("When a team move takes effect (default today)"),
  hireDate: IsoDate.nullable().optional(),
  capacityHoursPerWeek: Capacity.optional(),
  active: z.boolean().optional(),
});
export type PersonUpdate = z.infer<typeof PersonUpdate>;
export const PeopleQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  teamId: Id.optional(),
  role: Role.optional(),
  active: z.stringbool().optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const Membership = z.object({
  id: Id,
  personId: Id,
  teamId: Id,
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
});
export type Membership = z.infer<typeof Membership>;

/** An invite or an admin-issued reset: a one-time link to set a password. */
export const PasswordLink = z.object({ url: z.string(), expiresAt: Instant, emailed: z.boolean() });
export type PasswordLink = z.infer<typeof PasswordLink>;
export const Invited = z.object({ person: Person, link: PasswordLink });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
