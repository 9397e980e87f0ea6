// Sales execution data: accounts, contacts, deals (with history and board totals), activities,
// plus the pipeline, products, exchange rates and saved views (catalogue.routes.ts).
import {
  Account,
  AccountCreate,
  AccountQuery,
  AccountUpdate,
  AccountUpdateById,
  Activity,
  ActivityCreate,
  ActivityQuery,
  ActivityUpdate,
  ActivityUpdateById,
  Contact,
  ContactCreate,
  ContactQuery,
  ContactUpdate,
  ContactUpdateById,
  Deal,
  DealCreate,
  DealDetail,
  DealQuery,
  DealSummary,
  DealUpdate,
  DealUpdateById,
  IdParams,
  StageChange,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import type { SignedInCtx } from "../../http/context";
import { signedIn } from "../auth/auth.routes";
import * as accounts from "./accounts.service";
import * as activities from "./activities.service";
import { catalogueRoutes } from "./catalogue.routes";
import { importRoutes } from "./import/import.routes";
import * as contacts from "./contacts.service";
import * as deals from "./deals.service";
import { dealSummary, listDeals } from "./deals.list";
import { ACCOUNT_COLUMNS, ACTIVITY_COLUMNS, CONTACT_COLUMNS, DEAL_COLUMNS, loadRefs } from "./export.columns";
import { ownedRoutes } from "./owned.routes";

const refs = (wanted: Parameters<typeof loadRefs>[3]) => (ctx: SignedInCtx, items: object[]) =>
  loadRefs(ctx.db.k, ctx.actor.orgId, items as Record<string, unknown>[], wanted);
const people = { person: ["ownerId"], team: ["teamId"] };

export async function crmRoutes(app: App): Promise<void> {
  await catalogueRoutes(app);
  await importRoutes(app);
  ownedRoutes(app, {
    path: "/api/v1/accounts",
    tag: "accounts",
    schemas: {
      query: AccountQuery,
      create: AccountCreate,
      update: AccountUpdate,
      updateById: AccountUpdateById,
      item: Account,
      detail: Account,
    },
    list: accounts.listAccounts,
    get: accounts.getAccount,
    create: accounts.createAccount,
    update: accounts.updateAccount,
    createIn: accounts.createAccountIn,
    updateIn: accounts.updateAccountIn,
    remove: accounts.deleteAccount,
    restore: accounts.restoreAccount,
    exportColumns: ACCOUNT_COLUMNS,
    exportRefs: refs({ ...people, account: ["parentId"] }),
  });
  ownedRoutes(app, {
    path: "/api/v1/contacts",
    tag: "contacts",
    schemas: {
      query: ContactQuery,
      create: ContactCreate,
      update: ContactUpdate,
      updateById: ContactUpdateById,
      item: Contact,
      detail: Contact,
    },
    list: contacts.listContacts,
    get: contacts.getContact,
    create: contacts.createContact,
    update: contacts.updateContact,
    createIn: contacts.createContactIn,
    updateIn: contacts.updateContactIn,
    remove: contacts.deleteContact,
    restore: contacts.restoreContact,
    exportColumns: CONTACT_COLUMNS,
    exportRefs: refs({ ...people, account: ["accountId"] }),
  });

  // Declared before /deals/:id so the static path wins over the parameter.
  app.get(
    "/api/v1/deals/summary",
    {
      schema: {
        tags: ["deals"],
        querystring: DealQuery.omit({ cursor: true, limit: true, sort: true, dir: true }),
        response: { 200: DealSummary },
        description: "Count, amount and weighted amount per stage within the filters: the board's columns",
      },
      config: { policy: "read" },
    },
    async (req) => dealSummary(signedIn(req), req.query),
  );
  ownedRoutes(app, {
    path: "/api/v1/deals",
    tag: "deals",
    schemas: {
      query: DealQuery,
      create: DealCreate,
      update: DealUpdate,
      updateById: DealUpdateById,
      item: Deal,
      detail: DealDetail,
    },
    list: listDeals,
    get: deals.getDeal,
    create: deals.createDeal,
    update: deals.updateDeal,
    createIn: deals.createDealIn,
    updateIn: deals.updateDealIn,
    remove: deals.deleteDeal,
    restore: deals.restoreDeal,
    exportColumns: DEAL_COLUMNS,
    exportRefs: refs({ ...people, account: ["accountId"], stage: ["stageId"] }),
  });
  app.get(
    "/api/v1/deals/:id/history",
    {
      schema: {
        tags: ["deals"],
        params: IdParams,
        response: { 200: z.object({ items: z.array(StageChange) }) },
      },
      config: { policy: "read" },
    },
    async (req) => ({ items: await deals.dealHistory(signedIn(req), req.params.id) }),
  );

  ownedRoutes(app, {
    path: "/api/v1/activities",
    tag: "activities",
    schemas: {
      query: ActivityQuery,
      create: ActivityCreate,
      update: ActivityUpdate,
      updateById: ActivityUpdateById,
      item: Activity,
      detail: Activity,
    },
    list: activities.listActivities,
    get: activities.getActivity,
    create: activities.createActivity,
    update: activities.updateActivity,
    createIn: activities.createActivityIn,
    updateIn: activities.updateActivityIn,
    remove: activities.deleteActivity,
    restore: activities.restoreActivity,
    exportColumns: ACTIVITY_COLUMNS,
    exportRefs: refs({ ...people, account: ["accountId"] }),
  });
}
