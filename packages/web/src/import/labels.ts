// Words of the import pages: what each file holds, what each field means, file sizes.
import type { ImportEntity, ImportPreset } from "@oars/core";

export const ENTITY_NAMES: Record<ImportEntity, string> = {
  accounts: "Accounts",
  contacts: "Contacts",
  deals: "Deals (opportunities)",
  activities: "Activities",
  products: "Products",
  teams: "Teams",
  people: "People",
};

export const PRESET_NAMES: Record<ImportPreset, string> = {
  oars: "Oars (an Oars export)",
  salesforce: "Salesforce",
  hubspot: "HubSpot",
  pipedrive: "Pipedrive",
};

/** "closeDate" → "Close date". */
export function fieldLabel(field: string): string {
  if (field === "id") return "Oars id";
  if (field === "externalId") return "External id (CRM id)";
  const words = field.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
