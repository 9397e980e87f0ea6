// Which logged activities count toward a weekly activity target: the funnel names its activities in
// the planner's words ("calls", "Client meetings"), the CRM logs typed ones (call, meeting, ...).
export type LoggedActivityType = "call" | "email" | "meeting" | "demo";

const WORDS: readonly [RegExp, LoggedActivityType][] = [
  [/\bcalls?\b|\bdials?\b|phone/i, "call"],
  [/\be-?mails?\b/i, "email"],
  [/\bdemos?\b|demonstration/i, "demo"],
  [/\bmeetings?\b|\bvisits?\b/i, "meeting"],
];

/** The CRM activity type a funnel activity counts, or null when its name matches none. */
export function loggedActivityType(activityName: string): LoggedActivityType | null {
  for (const [pattern, type] of WORDS) if (pattern.test(activityName)) return type;
  return null;
}

/** The week holding `date`: its first day (on the org's weekStartsOn, ISO 1..7) and its last. */
export function weekAround(date: string, weekStartsOn: number): { start: string; end: string } {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const isoDay = ((new Date(ms).getUTCDay() + 6) % 7) + 1;
  const back = (isoDay - weekStartsOn + 7) % 7;
  const start = new Date(ms - back * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(ms + (6 - back) * 86_400_000).toISOString().slice(0, 10);
  return { start, end };
}
