// The reverse funnel: from a revenue target to the deals, meetings and calls needed per period and
// per person per week, with rates learned from history, checks against it and what-if scenarios.
export {
  reverseFunnel,
  ceilCount,
  WON_STEP,
  type FunnelStage,
  type ActivityRatio,
  type ReverseFunnelInput,
  type FunnelStepKind,
  type FunnelStepNeed,
  type ReverseFunnelResult,
} from "./reverse-funnel";
export {
  learnFunnelRates,
  type DealHistory,
  type LearnedFigure,
  type LearnedFunnelRates,
} from "./learn-rates";
export { withFallback, type FigureWithSource, type FunnelRatesWithFallback } from "./fallback";
export {
  compareAssumptions,
  type FunnelAssumptions,
  type HistoricalFunnel,
  type AssumptionKind,
  type AssumptionGap,
  type CompareAssumptionsOptions,
} from "./assumptions";
export {
  compareScenarios,
  type FunnelScenario,
  type FunnelStepDelta,
  type ScenarioComparison,
} from "./scenarios";
