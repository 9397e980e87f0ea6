// The columns of each list's CSV export. Headers are the ones the import's "oars" preset reads,
// so an exported file edited in a spreadsheet imports back as updates (matched on "Id").
import type { Account, Activity, Contact, Deal } from "@oars/core";
import { sql } from "kysely";
import type { Q } from "../../db/tx";
import { majorUnits, type ExportColumn, type Refs } from "./csv-export";
import { minorDigits } from "./money";
import { orgFacts } from "./org-facts";

const owned = <
  T extends { id: string; externalId: string | null; ownerId: string; teamId: string | null },
>(): ExportColumn<T>[] => [
  { header: "Id", value: (r) => r.id },
  { header: "External ID", value: (r) => r.externalId },
];
const ownerColumns = <
  T extends { ownerId: string; teamId: string | null; updatedAt: string },
>(): ExportColumn<T>[] => [
  { header: "Owner", value: (r, refs) => refs.name("person", r.ownerId) },
  { header: "Team", value: (r, refs) => refs.name("team", r.teamId) },
  { header: "Updated at", value: (r) => r.updatedAt },
];

export const ACCOUNT_COLUMNS: ExportColumn<Account>[] = [
  ...owned<Account>(),
  { header: "Name", value: (r) => r.name },
  { header: "Industry", value: (r) => r.industry },
  { header: "Segment", value: (r) => r.segment },
  { header: "Employees", value: (r) => r.employeeCount },
  { header: "Annual revenue", value: (r) => majorUnits(r.annualRevenueMinor, 2) },
  { header: "Region", value: (r) => r.region },
  { header: "Tier", value: (r) => r.tier },
  { header: "Website", value: (r) => r.website },
  { header: "Parent account", value: (r, refs) => refs.name("account", r.parentId) },
  { header: "Tags", value: (r) => r.tags.join("; ") },
  ...ownerColumns<Account>(),
];

export const CONTACT_COLUMNS: ExportColumn<Contact>[] = [
  ...owned<Contact>(),
  { header: "Name", value: (r) => r.name },
  { header: "Title", value: (r) => r.title },
  { header: "Email", value: (r) => r.email },
  { header: "Phone", value: (r) => r.phone },
  { header: "Buying role", value: (r) => r.buyingRole },
  { header: "Relationship strength", value: (r) => r.relationshipStrength },
  { header: "Account ID", value: (r) => r.accountId },
  { header: "Account", value: (r, refs) => refs.name("account", r.accountId) },
  ...ownerColumns<Contact>(),
];

export const DEAL_COLUMNS: ExportColumn<Deal>[] = [
  ...owned<Deal>(),
  { header: "Name", value: (r) => r.name },
  { header: "Account ID", value: (r) => r.accountId },
  { header: "Account", value: (r, refs) => refs.name("account", r.accountId) },
  { header: "Amount", value: (r) => majorUnits(r.amountMinor, minorDigits(r.currency)) },
  { header: "Currency", value: (r) => r.currency },
  {
    header: "Amount in org currency",
    value: (r, refs) => majorUnits(r.amountOrgMinor, minorDigits(refs.orgCurrency)),
  },
  { header: "Stage", value: (r, refs) => refs.name("stage", r.stageId) },
  { header: "Status", value: (r) => r.status },
  { header: "Probability", value: (r) => r.probability },
  { header: "Forecast category", value: (r) => r.forecastCategory },
  { header: "Close date", value: (r) => r.closeDate },
  { header: "Created date", value: (r) => r.createdDate },
  { header: "Lost reason", value: (r) => r.lostReason },
  { header: "Business type", value: (r) => r.businessType },
  ...ownerColumns<Deal>(),
];

export const ACTIVITY_COLUMNS: ExportColumn<Activity>[] = [
  ...owned<Activity>(),
  { header: "Type", value: (r) => r.type },
  { header: "Subject", value: (r) => r.subject },
  { header: "Status", value: (r) => r.status },
  { header: "Occurred at", value: (r) => r.occurredAt },
  { header: "Duration (minutes)", value: (r) => r.durationMinutes },
  { header: "Outcome", value: (r) => r.outcome },
  { header: "Account ID", value: (r) => r.accountId },
  { header: "Account", value: (r, refs) => refs.name("account", r.accountId) },
  { header: "Contact ID", value: (r) => r.contactId },
  { header: "Deal ID", value: (r) => r.dealId },
  { header: "Notes", value: (r) => r.notes },
  ...ownerColumns<Activity>(),
];

const TABLES = {
  person: "people",
  team: "teams",
  account: "accounts",
  stage: "pipeline_stages",
  contact: "contacts",
  deal: "deals",
} as const;

/** Looks up, in one query per kind, the names a page of records points at. People by email. */
export async function loadRefs(
  q: Q,
  orgId: string,
  items: Record<string, unknown>[],
  wanted: Partial<Record<keyof typeof TABLES, string[]>>,
): Promise<Refs> {
  const names = new Map<string, string>();
  for (const [kind, fields] of Object.entries(wanted) as [keyof typeof TABLES, string[]][]) {
    const ids = [
      ...new Set(
        items.flatMap((i) => fields.map((f) => i[f])).filter((v): v is string => typeof v === "string"),
      ),
    ];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const label = kind === "person" ? "email" : "name";
      const rows = await q
        .selectFrom(TABLES[kind] as "teams")
        .select(["id", sql<string>`${sql.ref(label)}`.as("label")])
        .where("org_id", "=", orgId)
        .where("id", "in", chunk)
        .execute();
      for (const r of rows) names.set(`${kind}:${r.id}`, r.label);
    }
  }
  const { currency } = await orgFacts(q, orgId);
  return {
    orgCurrency: currency,
    name: (kind, id) => (id === null ? null : (names.get(`${kind}:${id}`) ?? null)),
  };
}
