// /settings (admins): the organisation's name, currency and calendar — time zone, fiscal year,
// week start, working days and holidays — which every period and "expected by now" builds on.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { OrgSettings } from "@oars/core";
import type { Org, Session } from "@oars/core";
import { api, isApiError } from "../api/client";
import { CONFLICT_MESSAGE, apiFieldErrors, formLevelError } from "../api/errors";
import { sessionKey, useSession } from "../auth/session";
import { Field, FormError } from "../ui/Field";
import { ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";
import { SalesSettings } from "./SalesSettings";
import { COMMON_CURRENCIES, MONTHS, WEEKDAYS, formatDate, timeZones } from "../ui/format";

const orgKey = ["org"] as const;
const FIELDS = [
  "name",
  "currency",
  "timeZone",
  "fiscalYearStartMonth",
  "weekStartsOn",
  "workingDays",
  "holidays",
] as const;

export function SettingsPage() {
  const session = useSession();
  const org = useQuery({
    queryKey: orgKey,
    queryFn: ({ signal }) => api.get<Org>("/api/v1/org", { signal }),
    enabled: session.person.role === "admin",
  });
  if (session.person.role !== "admin") {
    return (
      <div className="page narrow">
        <h1>Settings</h1>
        <p className="muted">Only administrators can change the organisation's settings.</p>
      </div>
    );
  }
  if (org.isPending) return <Loading />;
  if (org.isError) {
    return (
      <div className="page">
        <ErrorNotice error={org.error} onRetry={() => void org.refetch()} />
      </div>
    );
  }
  // Remount the form when a newer version arrives (after a save or a conflict).
  return <SettingsForm key={org.data.version} org={org.data} />;
}

function SettingsForm({ org }: { org: Org }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [name, setName] = useState(org.name);
  const [currency, setCurrency] = useState(org.currency);
  const [timeZone, setTimeZone] = useState(org.timeZone);
  const [fiscalYearStartMonth, setFiscalYearStartMonth] = useState(org.fiscalYearStartMonth);
  const [weekStartsOn, setWeekStartsOn] = useState(org.weekStartsOn);
  const [workingDays, setWorkingDays] = useState<number[]>(org.workingDays);
  const [holidays, setHolidays] = useState<string[]>([...org.holidays].sort());
  const [newHoliday, setNewHoliday] = useState("");
  const check = useValidation(
    OrgSettings.safeParse({
      name,
      currency: currency.trim().toUpperCase(),
      timeZone,
      fiscalYearStartMonth,
      weekStartsOn,
      workingDays,
      holidays,
    }),
  );

  const save = useMutation({
    mutationFn: (input: OrgSettings & { version: number }) => api.patch<Org>("/api/v1/org", input),
    onSuccess: (saved) => {
      queryClient.setQueryData(orgKey, saved);
      queryClient.setQueryData<Session | null>(sessionKey, (s) => (s ? { ...s, org: saved } : s));
      void queryClient.invalidateQueries({ queryKey: ["audit"] });
      notify("Settings saved");
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        notify(CONFLICT_MESSAGE, "error");
        void queryClient.invalidateQueries({ queryKey: orgKey });
      }
    },
  });

  // Show the days in the order of the org's week.
  const weekOrder = Array.from({ length: 7 }, (_, i) => ((weekStartsOn - 1 + i) % 7) + 1);

  function toggleDay(day: number, on: boolean) {
    setWorkingDays((days) => (on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day)));
  }

  function addHoliday() {
    if (!newHoliday) return;
    setHolidays((list) => (list.includes(newHoliday) ? list : [...list, newHoliday].sort()));
    setNewHoliday("");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (input) save.mutate({ ...input, version: org.version });
  }

  const errors = { ...apiFieldErrors(save.error, FIELDS), ...check.errors };
  const holidayError = Object.entries(errors).find(([key]) => key.startsWith("holidays"))?.[1];
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            Your organisation's name, money and calendar. Periods, targets and pace all follow them.
          </p>
        </div>
      </header>
      <form className="settings-form" onSubmit={submit} noValidate aria-label="Organisation settings">
        <section className="card stack" aria-labelledby="settings-org">
          <h2 id="settings-org" className="card-title">
            Organisation
          </h2>
          <Field label="Organisation name" error={errors.name}>
            {(control) => (
              <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <div className="field-row">
            <Field label="Reporting currency" error={errors.currency} hint="ISO code, e.g. EUR">
              {(control) => (
                <>
                  <input
                    {...control}
                    className="input mono"
                    list="settings-currencies"
                    maxLength={3}
                    value={currency}
                    onChange={(e) => setCurrency(e.target.value.toUpperCase())}
                  />
                  <datalist id="settings-currencies">
                    {COMMON_CURRENCIES.map((code) => (
                      <option key={code} value={code} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field label="Time zone" error={errors.timeZone}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={timeZone}
                  onChange={(e) => setTimeZone(e.target.value)}
                >
                  {timeZones(timeZone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </section>

        <section className="card stack" aria-labelledby="settings-calendar">
          <h2 id="settings-calendar" className="card-title">
            Calendar
          </h2>
          <div className="field-row">
            <Field label="Fiscal year starts in" error={errors.fiscalYearStartMonth}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={fiscalYearStartMonth}
                  onChange={(e) => setFiscalYearStartMonth(Number(e.target.value))}
                >
                  {MONTHS.map((month, i) => (
                    <option key={month} value={i + 1}>
                      {month}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Week starts on" error={errors.weekStartsOn}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={weekStartsOn}
                  onChange={(e) => setWeekStartsOn(Number(e.target.value))}
                >
                  {WEEKDAYS.map((day, i) => (
                    <option key={day} value={i + 1}>
                      {day}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="fieldset" aria-describedby="working-days-error">
            <legend>Working days</legend>
            <div className="day-picker">
              {weekOrder.map((day) => (
                <label key={day} className="day-option">
                  <input
                    type="checkbox"
                    checked={workingDays.includes(day)}
                    onChange={(e) => toggleDay(day, e.target.checked)}
                  />
                  <span>{WEEKDAYS[day - 1]}</span>
                </label>
              ))}
            </div>
            <p id="working-days-error" className="field-error" aria-live="polite">
              {errors.workingDays ?? ""}
            </p>
          </fieldset>
          <fieldset className="fieldset" aria-describedby="holidays-error">
            <legend>Holidays</legend>
            <p className="field-hint">Days nobody is expected to sell; they don't count towards pace.</p>
            {holidays.length > 0 ? (
              <ul className="holiday-list" aria-label="Holidays">
                {holidays.map((day) => (
                  <li key={day} className="chip">
                    <span>{formatDate(day)}</span>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={`Remove holiday ${formatDate(day)}`}
                      onClick={() => setHolidays((list) => list.filter((d) => d !== day))}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">No holidays yet.</p>
            )}
            <div className="inline-form">
              <div className="field">
                <label htmlFor="new-holiday">Add a holiday</label>
                <input
                  id="new-holiday"
                  className="input"
                  type="date"
                  value={newHoliday}
                  onChange={(e) => setNewHoliday(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      addHoliday();
                    }
                  }}
                />
              </div>
              <button type="button" className="button" onClick={addHoliday} disabled={!newHoliday}>
                Add holiday
              </button>
            </div>
            <p id="holidays-error" className="field-error" aria-live="polite">
              {holidayError ?? ""}
            </p>
          </fieldset>
        </section>

        <div className="form-footer">
          <FormError message={formLevelError(save.error, FIELDS)} />
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save settings"}
          </button>
        </div>
      </form>
      <div className="settings-form">
        <SalesSettings />
      </div>
    </div>
  );
}
