// Accounts (the companies a team sells to) and their contacts.
import { z } from "zod";
import { Email, Id, Name, Version } from "./common";
import {
  AmountMinor,
  ExternalId,
  LinkedAccountName,
  OptionalText,
  OwnedFields,
  OwnedListQuery,
  SortDir,
  Tags,
} from "./crm-common";

const EmployeeCount = z.number().int().min(0).max(10_000_000);

const AccountFields = {
  name: Name,
  industry: OptionalText,
  segment: OptionalText.describe("e.g. SMB, mid-market, enterprise"),
  employeeCount: EmployeeCount.nullable(),
  annualRevenueMinor: AmountMinor.nullable().describe("In the org's currency, minor units"),
  region: OptionalText,
  tier: OptionalText.describe('e.g. "major" for key accounts'),
  website: OptionalText,
  parentId: Id.nullable().describe("The parent account (a group's subsidiary)"),
  tags: Tags,
  externalId: ExternalId.nullable(),
};

export const Account = OwnedFields.extend({
  id: Id,
  name: z.string(),
  industry: z.string().nullable(),
  segment: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  annualRevenueMinor: z.number().int().nullable(),
  region: z.string().nullable(),
  tier: z.string().nullable(),
  website: z.string().nullable(),
  parentId: Id.nullable(),
  tags: z.array(z.string()),
});
export type Account = z.infer<typeof Account>;

export const AccountCreate = z.object({
  ...AccountFields,
  industry: AccountFields.industry.default(null),
  segment: AccountFields.segment.default(null),
  employeeCount: AccountFields.employeeCount.default(null),
  annualRevenueMinor: AccountFields.annualRevenueMinor.default(null),
  region: AccountFields.region.default(null),
  tier: AccountFields.tier.default(null),
  website: AccountFields.website.default(null),
  parentId: AccountFields.parentId.default(null),
  tags: AccountFields.tags.default([]),
  externalId: AccountFields.externalId.default(null),
  ownerId: Id.optional().describe("Default: the caller. Another owner is a manager's or admin's act"),
});
export type AccountCreate = z.infer<typeof AccountCreate>;
export const AccountUpdate = z
  .object(AccountFields)
  .partial()
  .extend({ version: Version, ownerId: Id.optional().describe("Reassign (managers and admins)") });
export type AccountUpdate = z.infer<typeof AccountUpdate>;
export const AccountUpdateById = AccountUpdate.extend({ id: Id });

export const AccountSort = z.enum(["name", "createdAt", "updatedAt"]);
export const AccountQuery = OwnedListQuery.extend({
  industry: z.string().max(200).optional(),
  segment: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  tier: z.string().max(200).optional(),
  tag: z.string().max(50).optional(),
  parentId: Id.optional(),
  sort: AccountSort.default("name"),
  dir: SortDir,
});
export type AccountQuery = z.infer<typeof AccountQuery>;

export const BuyingRole = z.enum(["decision_maker", "champion", "influencer", "user", "blocker"]);
export type BuyingRole = z.infer<typeof BuyingRole>;
const Strength = z.number().int().min(1).max(5).describe("Relationship strength, 1 (cold) to 5 (strong)");

const ContactFields = {
  accountId: Id.nullable(),
  name: Name,
  title: OptionalText,
  email: Email.nullable(),
  phone: OptionalText,
  buyingRole: BuyingRole.nullable(),
  relationshipStrength: Strength.nullable(),
  externalId: ExternalId.nullable(),
};

export const Contact = OwnedFields.extend({
  id: Id,
  accountId: Id.nullable(),
  accountName: LinkedAccountName,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  buyingRole: BuyingRole.nullable(),
  relationshipStrength: z.number().int().nullable(),
});
export type Contact = z.infer<typeof Contact>;
export const ContactCreate = z.object({
  ...ContactFields,
  accountId: ContactFields.accountId.default(null),
  title: ContactFields.title.default(null),
  email: ContactFields.email.default(null),
  phone: ContactFields.phone.default(null),
  buyingRole: ContactFields.buyingRole.default(null),
  relationshipStrength: ContactFields.relationshipStrength.default(null),
  externalId: ContactFields.externalId.default(null),
  ownerId: Id.optional().describe("Default: the caller"),
});
export type ContactCreate = z.infer<typeof ContactCreate>;
export const ContactUpdate = z
  .object(ContactFields)
  .partial()
  .extend({ version: Version, ownerId: Id.optional() });
export type ContactUpdate = z.infer<typeof ContactUpdate>;
export const ContactUpdateById = ContactUpdate.extend({ id: Id });
export const ContactSort = z.enum(["name", "createdAt", "updatedAt"]);
export const ContactQuery = OwnedListQuery.extend({
  accountId: Id.optional(),
  buyingRole: BuyingRole.optional(),
  sort: ContactSort.default("name"),
  dir: SortDir,
});
export type ContactQuery = z.infer<typeof ContactQuery>;
