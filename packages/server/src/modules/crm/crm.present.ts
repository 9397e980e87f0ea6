// Rows of the sales tables turned into API shapes. Never return a database row.
import type {
  Account,
  Activity,
  Contact,
  Deal,
  ExchangeRate,
  Product,
  SavedView,
  Stage,
  StageChange,
  ViewEntity,
} from "@oars/core";
import type {
  AccountsTable,
  ActivitiesTable,
  ContactsTable,
  DealStageHistoryTable,
  DealsTable,
  ExchangeRatesTable,
  PipelineStagesTable,
  ProductsTable,
  SavedViewsTable,
} from "./crm.schema";

const owned = (r: {
  owner_id: string;
  team_id: string | null;
  external_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}) => ({
  ownerId: r.owner_id,
  teamId: r.team_id,
  externalId: r.external_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function presentStage(r: PipelineStagesTable): Stage {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    probability: r.probability,
    kind: r.kind,
    forecastCategory: r.forecast_category,
    archived: r.archived_at !== null,
    version: r.version,
  };
}

export function presentProduct(r: ProductsTable): Product {
  return {
    id: r.id,
    name: r.name,
    family: r.family,
    listPriceMinor: r.list_price_minor,
    currency: r.currency,
    externalId: r.external_id,
    archived: r.archived_at !== null,
    version: r.version,
    createdAt: r.created_at,
  };
}

export function presentRate(r: ExchangeRatesTable): ExchangeRate {
  return { id: r.id, currency: r.currency, date: r.rate_date, rate: r.rate, version: r.version };
}

export function presentAccount(r: AccountsTable): Account {
  return {
    id: r.id,
    name: r.name,
    industry: r.industry,
    segment: r.segment,
    employeeCount: r.employee_count,
    annualRevenueMinor: r.annual_revenue_minor,
    region: r.region,
    tier: r.tier,
    website: r.website,
    parentId: r.parent_id,
    tags: JSON.parse(r.tags) as string[],
    ...owned(r),
  };
}

export function presentContact(r: ContactsTable): Contact {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    title: r.title,
    email: r.email,
    phone: r.phone,
    buyingRole: r.buying_role as Contact["buyingRole"],
    relationshipStrength: r.relationship_strength,
    ...owned(r),
  };
}

export function presentDeal(r: DealsTable): Deal {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    amountMinor: r.amount_minor,
    currency: r.currency,
    amountOrgMinor: r.amount_org_minor,
    stageId: r.stage_id,
    status: r.status,
    probability: r.probability,
    forecastCategory: r.forecast_category,
    closeDate: r.close_date,
    createdDate: r.created_date,
    lostReason: r.lost_reason,
    businessType: r.business_type,
    stageChangedAt: r.stage_changed_at,
    ...owned(r),
  };
}

export function presentStageChange(r: DealStageHistoryTable): StageChange {
  return {
    id: r.id,
    fromStageId: r.from_stage_id,
    toStageId: r.to_stage_id,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
  };
}

export function presentActivity(r: ActivitiesTable): Activity {
  return {
    id: r.id,
    type: r.type,
    subject: r.subject,
    notes: r.notes,
    accountId: r.account_id,
    contactId: r.contact_id,
    dealId: r.deal_id,
    occurredAt: r.occurred_at,
    durationMinutes: r.duration_minutes,
    outcome: r.outcome,
    status: r.status,
    ...owned(r),
  };
}

export function presentView(r: SavedViewsTable): SavedView {
  return {
    id: r.id,
    personId: r.person_id,
    entity: r.entity as ViewEntity,
    name: r.name,
    query: JSON.parse(r.query) as Record<string, string>,
    shared: r.shared === 1,
    version: r.version,
  };
}
