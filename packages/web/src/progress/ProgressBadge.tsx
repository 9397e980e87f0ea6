// A small status badge with the share of target reached, linking to the figures behind it.
import { Link } from "@tanstack/react-router";
import type { MilestoneProgress, ObjectiveProgress } from "@oars/core";
import { STATUS_LABELS, pct } from "./format";

export function ProgressBadge({
  progress,
}: {
  progress: ObjectiveProgress | (ObjectiveProgress & Pick<MilestoneProgress, "milestoneId">) | undefined;
}) {
  if (!progress) return null;
  const status = progress.status;
  const label = status
    ? `${STATUS_LABELS[status]} · ${pct(progress.attainment)}`
    : progress.computed
      ? pct(progress.attainment)
      : "No live figure";
  const common = {
    className: `badge progress-badge progress-${status ?? "none"}`,
    title: progress.reason,
    "data-testid": "progress-badge",
  };
  return "milestoneId" in progress ? (
    <Link to="/milestones/$milestoneId/progress" params={{ milestoneId: progress.milestoneId }} {...common}>
      {label}
    </Link>
  ) : (
    <Link to="/objectives/$objectiveId/progress" params={{ objectiveId: progress.objectiveId }} {...common}>
      {label}
    </Link>
  );
}
