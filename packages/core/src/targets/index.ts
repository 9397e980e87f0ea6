// Target segmentation: exact splits of a target over periods and owners (even, seasonal, capacity,
// potential, manual), ramp curves for new hires, the owner × period grid and bottom-up commitments.
export { largestRemainder } from "./largest-remainder";
export { isSplittable, assertSplittable } from "./metric-kind";
export {
  splitTargetOverPeriods,
  periodWeights,
  monthWeightsToPeriodWeights,
  type PeriodSplitMethod,
  type PeriodAmount,
  type TargetSplitOverPeriods,
} from "./split-periods";
export { learnSeasonality, type WonDealAmount, type Seasonality } from "./seasonality";
export {
  splitTargetOverOwners,
  ownerWeights,
  type TargetOwner,
  type OwnerWeighting,
  type OwnerSplitMethod,
  type OwnerAmount,
  type TargetSplitOverOwners,
} from "./split-owners";
export { RAMP_PRESETS, rampFactor, validateRampCurve, type RampCurve, type RampPresetName } from "./ramp";
export { splitTargetGrid, type TargetGridInput, type TargetGridCell, type TargetGrid } from "./grid";
export { commitmentGap, type BottomUpCommitment, type CommitmentGap } from "./commitments";
