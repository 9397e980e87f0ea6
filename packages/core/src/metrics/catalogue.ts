// The metric catalogue: every number an objective or milestone can track, described once so the
// server's rollups, the web app's pickers and the plan checks all agree on what a metric means.

export const METRIC_KEYS = [
  "revenue_won",
  "deals_won",
  "new_accounts",
  "pipeline_created",
  "meetings_held",
  "calls_made",
  "activities_logged",
  "win_rate",
  "average_deal_size",
  "sales_cycle_length",
  "quota_attainment",
  "revenue_retained",
  "client_meetings_per_account",
  "manual",
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type MetricUnit = "money" | "count" | "percent" | "days";
/** Additive metrics can be split over periods and people and summed back; ratios never are. */
export type MetricKind = "additive" | "ratio";
/** Which way is better: a higher revenue, a shorter sales cycle. */
export type GrowthDirection = "up" | "down";
export const METRIC_NARROWINGS = ["segment", "product", "region", "businessType", "tier"] as const;
export type MetricNarrowing = (typeof METRIC_NARROWINGS)[number];

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  /** For users: what counts, and which date places it in a period. */
  description: string;
  unit: MetricUnit;
  kind: MetricKind;
  growth: GrowthDirection;
  narrowings: readonly MetricNarrowing[];
  /** Only `manual`: the objective names its own unit ("training modules completed"). */
  ownUnit: boolean;
  /**
   * How the end of the window is foreseen: won money from the weighted open pipeline, everything
   * else additive from its run rate (pipeline created is not won from open deals), ratios not at all.
   */
  forecast: ForecastMethod;
}
export type ForecastMethod = "pipeline" | "run_rate" | "none";

const ALL: readonly MetricNarrowing[] = METRIC_NARROWINGS;
// Activities hang off accounts, not deals: there is no product or new/existing business to narrow by.
const ACCOUNT_ONLY: readonly MetricNarrowing[] = ["segment", "region", "tier"];

export const METRICS: readonly MetricDefinition[] = [
  {
    key: "revenue_won",
    label: "Revenue won",
    description:
      "Sum of the amounts of deals won, in the reporting currency, counted on each deal's close date.",
    unit: "money",
    kind: "additive",
    growth: "up",
    narrowings: ALL,
    forecast: "pipeline",
    ownUnit: false,
  },
  {
    key: "deals_won",
    label: "Deals won",
    description: "Number of deals won, counted on each deal's close date.",
    unit: "count",
    kind: "additive",
    growth: "up",
    narrowings: ALL,
    forecast: "run_rate",
    ownUnit: false,
  },
  {
    key: "new_accounts",
    label: "New accounts",
    description:
      "Number of accounts whose first ever won deal closed in the period, counted on that deal's close date.",
    unit: "count",
    kind: "additive",
    growth: "up",
    // Always new business, so narrowing by new/existing would mean nothing.
    narrowings: ["segment", "product", "region", "tier"],
    forecast: "run_rate",
    ownUnit: false,
  },
  {
    key: "pipeline_created",
    label: "Pipeline created",
    description:
      "Sum of the amounts of deals opened, whatever became of them, counted on each deal's created date.",
    unit: "money",
    kind: "additive",
    growth: "up",
    narrowings: ALL,
    forecast: "run_rate",
    ownUnit: false,
  },
  {
    key: "meetings_held",
    label: "Meetings held",
    description: "Number of meetings marked done, counted on the time they took place.",
    unit: "count",
    kind: "additive",
    growth: "up",
    narrowings: ACCOUNT_ONLY,
    forecast: "run_rate",
    ownUnit: false,
  },
  {
    key: "calls_made",
    label: "Calls made",
    description: "Number of calls marked done, counted on the time they took place.",
    unit: "count",
    kind: "additive",
    growth: "up",
    narrowings: ACCOUNT_ONLY,
    forecast: "run_rate",
    ownUnit: false,
  },
  {
    key: "activities_logged",
    label: "Activities logged",
    description:
      "Number of activities of any type (calls, emails, meetings, demos) marked done, counted on the time they took place.",
    unit: "count",
    kind: "additive",
    growth: "up",
    narrowings: ACCOUNT_ONLY,
    forecast: "run_rate",
    ownUnit: false,
  },
  {
    key: "win_rate",
    label: "Win rate",
    description:
      "Deals won divided by deals won plus deals lost, over the deals closed in the period (by close date). Open deals do not count.",
    unit: "percent",
    kind: "ratio",
    growth: "up",
    narrowings: ALL,
    forecast: "none",
    ownUnit: false,
  },
  {
    key: "average_deal_size",
    label: "Average deal size",
    description:
      "Revenue won divided by the number of deals won, over the deals won in the period (by close date).",
    unit: "money",
    kind: "ratio",
    growth: "up",
    narrowings: ALL,
    forecast: "none",
    ownUnit: false,
  },
  {
    key: "sales_cycle_length",
    label: "Sales cycle length",
    description:
      "Average number of days from a deal's created date to its close date, over the deals won in the period (by close date).",
    unit: "days",
    kind: "ratio",
    growth: "down",
    narrowings: ALL,
    forecast: "none",
    ownUnit: false,
  },
  {
    key: "quota_attainment",
    label: "Quota attainment",
    description:
      "Share of the people with a target in the period who reached it, judged on the targets assigned for that period.",
    unit: "percent",
    kind: "ratio",
    growth: "up",
    narrowings: [],
    forecast: "none",
    ownUnit: false,
  },
  {
    key: "revenue_retained",
    label: "Revenue retained",
    description:
      "Sum of the amounts of deals won from existing accounts (accounts with an earlier won deal), counted on each deal's close date.",
    unit: "money",
    kind: "additive",
    growth: "up",
    // Always existing business, so narrowing by new/existing would mean nothing.
    narrowings: ["segment", "product", "region", "tier"],
    forecast: "pipeline",
    ownUnit: false,
  },
  {
    key: "client_meetings_per_account",
    label: "Client meetings per account",
    description:
      "Meetings held with accounts (of the chosen tier) per account per month, counted on the time they took place.",
    unit: "count",
    kind: "ratio",
    growth: "up",
    narrowings: ACCOUNT_ONLY,
    forecast: "none",
    ownUnit: false,
  },
  {
    key: "manual",
    label: "Manual check-in",
    description:
      "A number the owner reports by check-in, in a unit the objective names (for example training modules completed), counted on the check-in date: the latest check-in in the window is the value reached so far.",
    unit: "count",
    kind: "additive",
    growth: "up",
    narrowings: [],
    forecast: "run_rate",
    ownUnit: true,
  },
];

const BY_KEY: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((m) => [m.key, m]));

export function isMetricKey(key: string): key is MetricKey {
  return BY_KEY.has(key);
}

/** The catalogue entry of a key; undefined for a key the catalogue does not know. */
export function metricByKey(key: MetricKey): MetricDefinition;
export function metricByKey(key: string): MetricDefinition | undefined;
export function metricByKey(key: string): MetricDefinition | undefined {
  return BY_KEY.get(key);
}
