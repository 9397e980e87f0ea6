// Which notifications one gets: goal alerts at 50, 90 and 100%, a goal turning at risk, the weekly
// digest — in the app and/or by email. Each box saves as it is ticked.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationPreferences, NotificationPreferencesUpdate } from "@oars/core";
import { api } from "../api/client";
import { errorMessage } from "../api/errors";
import { FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";

const KEY = ["me", "notification-preferences"];

const WHAT: { key: keyof NotificationPreferencesUpdate; label: string }[] = [
  { key: "threshold50", label: "A goal of mine passes 50% of its target" },
  { key: "threshold90", label: "A goal of mine passes 90%" },
  { key: "threshold100", label: "A goal of mine reaches its target" },
  { key: "atRisk", label: "A goal of mine turns at risk or off track" },
  { key: "weeklyDigest", label: "A weekly digest of my goals and the week's actions" },
];
const HOW: { key: keyof NotificationPreferencesUpdate; label: string }[] = [
  { key: "inApp", label: "In the app (the bell)" },
  { key: "email", label: "By email (when the server sends email)" },
];

export function NotificationPreferencesCard() {
  const client = useQueryClient();
  const notify = useToast();
  const q = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api.get<NotificationPreferences>("/api/v1/me/notification-preferences", { signal }),
  });
  const save = useMutation({
    mutationFn: (patch: NotificationPreferencesUpdate) =>
      api.put<NotificationPreferences>("/api/v1/me/notification-preferences", patch),
    // The box shows its new state at once; a refusal puts back what the server holds. A read
    // still in flight is cancelled first, so its older answer cannot tick the box back.
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: KEY });
      client.setQueryData<NotificationPreferences>(KEY, (old) => (old ? { ...old, ...patch } : old));
    },
    onError: () => void client.invalidateQueries({ queryKey: KEY }),
    onSuccess: (next) => {
      client.setQueryData(KEY, next);
      notify("Notification preferences saved");
    },
  });
  const box = (key: keyof NotificationPreferencesUpdate, label: string) => (
    <label className="checkbox" key={key}>
      <input
        type="checkbox"
        checked={Boolean(q.data?.[key])}
        disabled={!q.data}
        onChange={(e) => save.mutate({ [key]: e.target.checked })}
      />{" "}
      {label}
    </label>
  );
  return (
    <section className="card" aria-labelledby="prefs-title" data-testid="notification-preferences">
      <h2 id="prefs-title" className="card-title">
        Notifications
      </h2>
      {q.isError ? <p className="muted">Your preferences could not be loaded.</p> : null}
      <fieldset className="stack">
        <legend className="small muted">Tell me when</legend>
        {WHAT.map((w) => box(w.key, w.label))}
      </fieldset>
      <fieldset className="stack">
        <legend className="small muted">How</legend>
        {HOW.map((h) => box(h.key, h.label))}
      </fieldset>
      <FormError message={save.error ? errorMessage(save.error) : null} />
    </section>
  );
}
