// Activities between two calendar days, in the reader's time zone: the API takes instants.
import { InputFilter } from "../crm/ListControls";
import type { FilterProps } from "../crm/ListControls";

/** A local calendar day's first instant, as the API's ISO instant. */
function dayStart(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The local calendar day an instant falls on. */
function dayOf(instant: string | boolean | undefined): string | undefined {
  if (typeof instant !== "string") return undefined;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function nextDay(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function DateRangeFilter({ search, set }: FilterProps) {
  // "to" is exclusive in the API; the person picks the last day they want included.
  const toDay =
    typeof search.to === "string"
      ? dayOf(new Date(new Date(search.to).getTime() - 1).toISOString())
      : undefined;
  return (
    <>
      <InputFilter
        label="From"
        type="date"
        value={dayOf(search.from)}
        onChange={(v) => set("from", dayStart(v))}
      />
      <InputFilter label="Until" type="date" value={toDay} onChange={(v) => set("to", nextDay(v))} />
    </>
  );
}
