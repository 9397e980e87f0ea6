// Forward-only migrations, applied in name order (timestamp first). Add new ones at the end.
import type { Kysely } from "kysely";
import * as foundation from "./20261127_0001_foundation";
import * as plans from "./20261127_0002_plans";
import * as crm from "./20261127_0003_crm";
import * as crmImport from "./20261127_0004_crm_import";
import * as tactics from "./20261127_0010_tactics";
import * as progress from "./20261127_0020_progress";
import * as progressAlerts from "./20261127_0021_progress_alerts";
import * as progressClose from "./20261127_0022_progress_close";
import * as crmSearch from "./20261127_0030_crm_search";
import * as progressDataVersion from "./20261127_0040_progress_data_version";
import * as activitiesDoneIndex from "./20261127_0041_activities_done_index";
import * as progressFacts from "./20261127_0044_progress_facts";
import * as dealsStatusStage from "./20261127_0042_deals_status_stage";
import * as dealsOpenLists from "./20261127_0043_deals_open_lists";

export interface Migration {
  up(db: Kysely<unknown>): Promise<void>;
}

export const migrations: Record<string, Migration> = {
  "20261127_0001_foundation": foundation,
  "20261127_0002_plans": plans,
  "20261127_0003_crm": crm,
  "20261127_0004_crm_import": crmImport,
  "20261127_0010_tactics": tactics,
  "20261127_0020_progress": progress,
  "20261127_0021_progress_alerts": progressAlerts,
  "20261127_0022_progress_close": progressClose,
  "20261127_0030_crm_search": crmSearch,
  "20261127_0040_progress_data_version": progressDataVersion,
  "20261127_0041_activities_done_index": activitiesDoneIndex,
  "20261127_0042_deals_status_stage": dealsStatusStage,
  "20261127_0043_deals_open_lists": dealsOpenLists,
  "20261127_0044_progress_facts": progressFacts,
};
