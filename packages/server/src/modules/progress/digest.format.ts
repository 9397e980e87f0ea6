// The words of the weekly digest: plain text that reads the same in the bell and in an email.
import type { MyWeek, ObjectiveProgress } from "@oars/core";

const STATUS: Record<string, string> = { on_track: "on track", at_risk: "at risk", off_track: "off track" };

export function formatDigest(input: {
  name: string;
  today: string;
  goals: ObjectiveProgress[];
  week: MyWeek | null;
  origin: string;
}): { title: string; text: string } {
  const weekStart = input.week?.weekStart ?? input.today;
  const lines: string[] = [`Hello ${input.name}, here is your week from ${weekStart}.`, "", "Your goals"];
  if (input.goals.length === 0) lines.push("- no goals with a metric yet");
  for (const g of input.goals) {
    const pct = g.attainment === null ? "no figure yet" : `${Math.round(g.attainment * 100)}% of target`;
    const status = g.status ? `, ${STATUS[g.status] ?? g.status}` : "";
    lines.push(`- ${g.title}: ${pct}${status}${g.reason ? ` (${g.reason})` : ""}`);
  }
  const w = input.week;
  lines.push("", "This week's actions");
  if (!w || w.weekItems.length === 0) lines.push("- nothing planned");
  else
    for (const o of w.weekItems)
      lines.push(
        `- ${o.date}${o.timeOfDay ? ` ${o.timeOfDay}` : ""} ${o.title}${o.status === "done" ? " (done)" : ""}`,
      );
  if (w && w.overdue.length > 0) {
    lines.push("", "Overdue");
    for (const o of w.overdue) lines.push(`- ${o.date} ${o.title}`);
  }
  if (w && w.activityTargets.length > 0) {
    lines.push("", "Activity targets this week");
    for (const a of w.activityTargets) lines.push(`- ${a.activity}: ${a.done ?? "?"} of ${a.target}`);
  }
  lines.push("", `Open Oars: ${input.origin}/`);
  return { title: `Your week from ${weekStart}`, text: `${lines.join("\n")}\n` };
}
