// The three personas of the source article as plan templates: each turns its few numbers into
// measurable objectives and the key initiatives the article lists for that persona.
import type { PlanTemplateDefinition } from "./drafts";
import { ACCOUNT_MANAGER_TEMPLATE } from "./persona-account-manager";
import { DIRECTOR_TEMPLATE } from "./persona-director";
import { NEW_SALESPERSON_TEMPLATE } from "./persona-new-salesperson";

export { ACCOUNT_MANAGER_TEMPLATE, DIRECTOR_TEMPLATE, NEW_SALESPERSON_TEMPLATE };
export { spanInWords } from "./persona-helpers";

export const PLAN_TEMPLATES: readonly PlanTemplateDefinition[] = [
  DIRECTOR_TEMPLATE,
  NEW_SALESPERSON_TEMPLATE,
  ACCOUNT_MANAGER_TEMPLATE,
];

export function builtinTemplate(key: string): PlanTemplateDefinition | undefined {
  return PLAN_TEMPLATES.find((t) => t.key === key);
}
