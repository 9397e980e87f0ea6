// Strategic planning logic without I/O: the default refinement questions, the persona templates
// and saved org templates, and the comparison of a plan with its baseline.
export * from "./questions";
export * from "./drafts";
export { templateInputValues } from "./template-inputs";
export {
  PLAN_TEMPLATES,
  DIRECTOR_TEMPLATE,
  NEW_SALESPERSON_TEMPLATE,
  ACCOUNT_MANAGER_TEMPLATE,
  builtinTemplate,
  spanInWords,
} from "./personas";
export * from "./saved-templates";
export * from "./baseline";
