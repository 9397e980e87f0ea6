// A progress ring for one of this period's goals: the share of the (ramped) target reached, with a
// tick where the pace line says the figure should be by now.
import { Link } from "@tanstack/react-router";
import type { MilestoneProgress } from "@oars/core";
import { STATUS_LABELS, figure, pct } from "./format";

const R = 42;
const C = 2 * Math.PI * R;

export function GoalRing({ goal: g }: { goal: MilestoneProgress }) {
  const share = Math.max(0, Math.min(1, g.attainment ?? 0));
  const expected = g.target && g.expected !== null ? Math.max(0, Math.min(1, g.expected / g.target)) : null;
  const angle = expected === null ? null : expected * 2 * Math.PI - Math.PI / 2;
  const status = g.status ?? "none";
  return (
    <Link
      to="/milestones/$milestoneId/progress"
      params={{ milestoneId: g.milestoneId }}
      className={`goal-ring goal-${status}`}
      data-testid="goal-ring"
      title={g.reason}
    >
      <svg viewBox="0 0 100 100" width="104" height="104" aria-hidden="true">
        <circle cx="50" cy="50" r={R} className="goal-ring-track" />
        <circle
          cx="50"
          cy="50"
          r={R}
          className="goal-ring-fill"
          strokeDasharray={`${share * C} ${C}`}
          transform="rotate(-90 50 50)"
        />
        {angle !== null ? (
          <line
            className="goal-ring-pace"
            x1={50 + (R - 9) * Math.cos(angle)}
            y1={50 + (R - 9) * Math.sin(angle)}
            x2={50 + (R + 9) * Math.cos(angle)}
            y2={50 + (R + 9) * Math.sin(angle)}
          />
        ) : null}
        <text x="50" y="55" textAnchor="middle" className="goal-ring-pct">
          {pct(g.attainment)}
        </text>
      </svg>
      <span className="goal-ring-text">
        <strong>{g.ownerName}</strong>
        <span className="small">{g.title}</span>
        <span className="small muted">
          {g.periodStart} to {g.periodEnd}
        </span>
        <span className="small">
          {figure(g.actual, g)} of {figure(g.target, g)}
          {g.expected !== null ? ` · ${figure(g.expected, g)} expected by now` : ""}
        </span>
        {g.status ? <span className={`badge progress-${g.status}`}>{STATUS_LABELS[g.status]}</span> : null}
      </span>
    </Link>
  );
}
