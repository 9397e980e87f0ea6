// The person's iCalendar feed: a secret address to paste into a calendar app (shown once, when
// made), replaced or turned off here.
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { CalendarFeed } from "@oars/core";
import { api } from "../api/client";
import { errorMessage } from "../api/errors";
import { CopyField } from "../ui/CopyField";
import { useToast } from "../ui/Toast";
import { formatInstant } from "../ui/format";
import { calendarFeedQuery, useRefreshTactics } from "./queries";

export function CalendarFeedCard() {
  const feed = useQuery(calendarFeedQuery);
  const [made, setMade] = useState<string | null>(null);
  const notify = useToast();
  const refresh = useRefreshTactics();
  const create = useMutation({
    mutationFn: () => api.post<CalendarFeed>("/api/v1/calendar-feed"),
    onSuccess: (f) => {
      setMade(f.url);
      refresh();
    },
    onError: (e) => notify(errorMessage(e), "error"),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete("/api/v1/calendar-feed"),
    onSuccess: () => {
      setMade(null);
      refresh();
    },
    onError: (e) => notify(errorMessage(e), "error"),
  });
  const active = feed.data?.active ?? false;
  return (
    <section className="card" aria-label="Calendar feed" data-testid="calendar-feed">
      <h2 className="card-title">In your calendar</h2>
      <p className="muted small">
        Your actions and scheduled meetings as a calendar feed (iCalendar) that Google Calendar, Outlook or
        Apple Calendar keep up to date. The address is a secret: anyone who has it sees your actions.
      </p>
      {made ? <CopyField label="Subscribe to this address" value={made} testId="feed-url" /> : null}
      {active && !made ? (
        <p className="small">
          A feed is on since {formatInstant(feed.data?.createdAt)}
          {feed.data?.lastUsedAt ? `, last read ${formatInstant(feed.data.lastUsedAt)}` : ""}.
        </p>
      ) : null}
      <div className="page-actions">
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
          {active ? "Make a new address" : "Get the address"}
        </button>
        {active ? (
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            Turn off
          </button>
        ) : null}
      </div>
    </section>
  );
}
