// The iCalendar (RFC 5545) document of a person's feed: their actions — a recurring one as one
// event with its RRULE and the skipped dates as EXDATEs — and their scheduled CRM meetings.
// Timed actions use floating local times: "10:00 every Tuesday" stays 10:00 across daylight-saving
// changes, which UTC times would shift by an hour; CRM meetings are instants and go out in UTC.
import { addDays, occurrencesOf, toRrule, type ActionRecurrence } from "@oars/core";
import ical, { ICalEventStatus } from "ical-generator";
import type { ActionRecord } from "./actions.repo";

export interface FeedMeeting {
  id: string;
  subject: string;
  type: string;
  occurredAt: string;
  durationMinutes: number | null;
  notes: string | null;
}

export interface FeedInput {
  personName: string;
  timeZone: string;
  origin: string;
  actions: readonly ActionRecord[];
  /** action id → dates marked skipped (left out of the series). */
  skipped: ReadonlyMap<string, readonly string[]>;
  meetings: readonly FeedMeeting[];
}

const compact = (date: string) => date.replace(/-/g, "");
const addMinutes = (time: string, minutes: number) => {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return {
    days: Math.floor(total / 1440),
    time: `${String(Math.floor((total % 1440) / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`,
  };
};

/** RRULE (UNTIL in the same value type as DTSTART, as RFC 5545 requires) and EXDATE lines. */
function repeatLines(r: ActionRecurrence, timeOfDay: string | null, skipped: readonly string[]): string {
  const rule = toRrule({ ...r, until: null });
  const until = r.until ? `;UNTIL=${compact(r.until)}${timeOfDay ? "T235959" : ""}` : "";
  const lines = [`RRULE:${rule}${until}`];
  if (skipped.length > 0) {
    const dates = skipped.map((d) =>
      timeOfDay ? `${compact(d)}T${timeOfDay.replace(":", "")}00` : compact(d),
    );
    lines.push(timeOfDay ? `EXDATE:${dates.join(",")}` : `EXDATE;VALUE=DATE:${dates.join(",")}`);
  }
  return lines.join("\n");
}

export function renderFeed(input: FeedInput): string {
  const cal = ical({
    name: `Oars: ${input.personName}`,
    description: "Actions and meetings from Oars",
    prodId: { company: "Oars", product: "Oars", language: "EN" },
    ttl: 60 * 60,
    url: input.origin,
  });
  cal.x([{ key: "X-WR-TIMEZONE", value: input.timeZone }]);
  for (const r of input.actions) {
    const a = r.row;
    const first = a.start_date ?? a.due_date;
    if (!first) continue;
    const recurrence = a.recurrence ? (JSON.parse(a.recurrence) as ActionRecurrence) : null;
    // A one-off action sits on its due date; a recurring one starts on its first occurrence — not
    // on its start date, which RFC 5545 would count as one more occurrence off the rule.
    const day = recurrence
      ? occurrencesOf(recurrence, first, { from: first, to: addDays(first, 800) })[0]
      : (a.due_date ?? first);
    if (!day) continue;
    const common = {
      id: `${a.id}@oars`,
      summary: a.title,
      description: a.description || null,
      url: `${input.origin}/tactics/${a.tactical_plan_id}?tab=actions`,
      status: a.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      lastModified: new Date(a.updated_at),
      sequence: a.version,
      repeating: recurrence ? repeatLines(recurrence, a.time_of_day, input.skipped.get(a.id) ?? []) : null,
    };
    if (a.time_of_day) {
      const end = addMinutes(a.time_of_day, a.duration_minutes ?? 30);
      cal.createEvent({
        ...common,
        floating: true,
        start: `${day}T${a.time_of_day}:00`,
        end: `${addDays(day, end.days)}T${end.time}:00`,
      });
    } else {
      cal.createEvent({ ...common, allDay: true, start: day, end: addDays(day, 1) });
    }
  }
  for (const m of input.meetings) {
    const start = new Date(m.occurredAt);
    cal.createEvent({
      id: `${m.id}@oars-crm`,
      summary: m.subject,
      description: m.notes,
      start,
      end: new Date(start.getTime() + (m.durationMinutes ?? 60) * 60_000),
      url: `${input.origin}/activities/${m.id}`,
    });
  }
  return cal.toString();
}
