// "Log activity": type, subject and outcome first, pre-filled from the page (account, deal,
// contact), so a call is L, Enter. Everything else is there when it matters.
import { useState } from "react";
import type { FormEvent, KeyboardEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { ActivityCreate, ActivityStatus, ActivityType } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS, COMMON_OUTCOMES } from "./labels";
import type { LogRequest } from "./logActivityStore";
import { useCreateActivity } from "./mutations";
import { recordQuery } from "./queries";
import { RecordPicker } from "./RecordPicker";

const FIELDS = [
  "type",
  "subject",
  "outcome",
  "accountId",
  "dealId",
  "contactId",
  "occurredAt",
  "durationMinutes",
  "status",
  "notes",
] as const;

const MORE_FIELDS = ["contactId", "occurredAt", "durationMinutes", "status", "notes"] as const;

/** The local date and time as a datetime-local input wants it. */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function defaultSubject(type: ActivityType, accountName: string | undefined): string {
  const label = ACTIVITY_TYPE_LABELS[type];
  return accountName ? `${label} with ${accountName}` : label;
}

export function LogActivityDialog({ request, onClose }: { request: LogRequest; onClose: () => void }) {
  const create = useCreateActivity();
  const notify = useToast();
  const [type, setType] = useState<ActivityType>(request.type ?? "call");
  const [accountId, setAccountId] = useState(request.accountId ?? null);
  const [dealId, setDealId] = useState(request.dealId ?? null);
  const [contactId, setContactId] = useState(request.contactId ?? null);
  const account = useQuery({ ...recordQuery("accounts", accountId ?? ""), enabled: Boolean(accountId) });
  const [subject, setSubject] = useState<string | null>(null);
  const [outcome, setOutcome] = useState("");
  const [when, setWhen] = useState(localNow);
  const [duration, setDuration] = useState("");
  const [status, setStatus] = useState<ActivityStatus | null>(null);
  const [notes, setNotes] = useState("");
  const [moreOpen, setMoreOpen] = useState(Boolean(request.contactId));
  const shownSubject = subject ?? defaultSubject(type, account.data?.name);
  const future = when !== "" && new Date(when).getTime() > Date.now() + 60_000;
  const shownStatus = status ?? (future ? "planned" : "done");

  const check = useValidation(
    ActivityCreate.safeParse({
      type,
      subject: shownSubject,
      outcome,
      accountId,
      dealId,
      contactId,
      occurredAt: when === "" ? undefined : new Date(when).toISOString(),
      durationMinutes: duration.trim() === "" ? null : Number(duration),
      status: shownStatus,
      notes: notes.trim() === "" ? null : notes,
    }),
  );

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const input = check.validate();
    if (!input) return;
    create.mutate(input, {
      onSuccess: (activity) => {
        const where = account.data ? ` on ${account.data.name}` : "";
        notify(`${ACTIVITY_TYPE_LABELS[activity.type]} logged${where}`);
        onClose();
      },
    });
  }

  // Ctrl+Enter saves from anywhere in the form, the notes included.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
  };
  const errors = { ...apiFieldErrors(create.error, FIELDS), ...check.errors };

  return (
    <Dialog title="Log activity" onClose={onClose} wide testId="log-activity">
      <form className="stack log-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <fieldset className="fieldset">
          <legend className="visually-hidden">Type</legend>
          <div className="segmented">
            {ActivityType.options.map((option) => (
              <label key={option} className={option === type ? "segment segment-on" : "segment"}>
                <input
                  type="radio"
                  name="activity-type"
                  value={option}
                  checked={option === type}
                  onChange={() => setType(option)}
                />
                {ACTIVITY_TYPE_LABELS[option]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Subject" error={errors.subject}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={shownSubject}
              onChange={(e) => setSubject(e.target.value)}
              onFocus={(e) => e.currentTarget.select()}
              data-autofocus
            />
          )}
        </Field>
        <div className="field-row">
          <Field label="Outcome" error={errors.outcome}>
            {(control) => (
              <>
                <input
                  {...control}
                  className="input"
                  list="activity-outcomes"
                  value={outcome}
                  placeholder="e.g. Connected"
                  onChange={(e) => setOutcome(e.target.value)}
                />
                <datalist id="activity-outcomes">
                  {COMMON_OUTCOMES.map((o) => (
                    <option key={o} value={o} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Account" error={errors.accountId}>
            {(control) => (
              <RecordPicker
                entity="accounts"
                control={control}
                value={accountId}
                onChange={(id) => {
                  setAccountId(id);
                  if (id !== accountId) {
                    setDealId(null);
                    setContactId(null);
                  }
                }}
              />
            )}
          </Field>
        </div>
        <Field label="Deal" error={errors.dealId}>
          {(control) => (
            <RecordPicker
              entity="deals"
              control={control}
              value={dealId}
              onChange={setDealId}
              filter={accountId ? { accountId, status: "open" } : { status: "open" }}
              placeholder="None"
            />
          )}
        </Field>
        <details
          className="log-more"
          open={moreOpen || MORE_FIELDS.some((f) => Boolean(errors[f]))}
          onToggle={(e) => setMoreOpen(e.currentTarget.open)}
        >
          <summary>More details: contact, time, duration, notes</summary>
          <div className="stack">
            <Field label="Contact" error={errors.contactId}>
              {(control) => (
                <RecordPicker
                  entity="contacts"
                  control={control}
                  value={contactId}
                  onChange={setContactId}
                  filter={accountId ? { accountId } : {}}
                  placeholder="None"
                />
              )}
            </Field>
            <div className="field-row">
              <Field label="When" error={errors.occurredAt}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="datetime-local"
                    value={when}
                    onChange={(e) => setWhen(e.target.value)}
                  />
                )}
              </Field>
              <Field label="Minutes" error={errors.durationMinutes}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={1440}
                    value={duration}
                    onChange={(e) => setDuration(e.target.value)}
                  />
                )}
              </Field>
              <Field label="Status" error={errors.status}>
                {(control) => (
                  <select
                    {...control}
                    className="input"
                    value={shownStatus}
                    onChange={(e) => setStatus(ActivityStatus.parse(e.target.value))}
                  >
                    {ActivityStatus.options.map((option) => (
                      <option key={option} value={option}>
                        {ACTIVITY_STATUS_LABELS[option]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field label="Notes" error={errors.notes} hint="Ctrl+Enter saves.">
              {(control) => (
                <textarea
                  {...control}
                  className="input"
                  rows={3}
                  value={notes}
                  onChange={(e) => setNotes(e.target.value)}
                />
              )}
            </Field>
          </div>
        </details>
        <FormError message={formLevelError(create.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Log {ACTIVITY_TYPE_LABELS[type].toLowerCase()}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
