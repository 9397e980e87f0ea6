// Which function imports a batch of each entity.
import type { ImportEntity } from "@oars/core";
import type { Q } from "../../../db/tx";
import type { ImportCtx } from "./context";
import { applyAccounts } from "./entities/accounts";
import { applyActivities } from "./entities/activities";
import { applyContacts } from "./entities/contacts";
import { applyDeals } from "./entities/deals";
import { applyPeople } from "./entities/people";
import { applyProducts } from "./entities/products";
import { applyTeams } from "./entities/teams";
import type { RowResult, SourceRow } from "./upsert";

export type ApplyBatch = (q: Q, ic: ImportCtx, rows: SourceRow[], write: boolean) => Promise<RowResult[]>;

export const IMPORTERS: Record<ImportEntity, ApplyBatch> = {
  teams: applyTeams,
  people: applyPeople,
  products: applyProducts,
  accounts: applyAccounts,
  contacts: applyContacts,
  deals: applyDeals,
  activities: applyActivities,
};
