// Saved views: a named set of a list's filters and sort, one's own or shared with the org. Picking
// one applies it; the current filters can be saved under a name; one's own views can be deleted.
import { useState } from "react";
import type { FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { SavedViewCreate } from "@oars/core";
import type { SavedView, ViewEntity } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";
import { useDeleteView, useSaveView } from "./mutations";
import type { ListSearch } from "./queries";
import { viewsQuery } from "./queries";
import { sameSearch, viewQuery } from "./search";

interface SavedViewsProps {
  entity: ViewEntity;
  search: ListSearch;
  onApply: (query: Record<string, string>) => void;
}

export function SavedViews({ entity, search, onApply }: SavedViewsProps) {
  const session = useSession();
  const views = useQuery(viewsQuery(entity));
  const remove = useDeleteView();
  const notify = useToast();
  const [saving, setSaving] = useState(false);
  const list = views.data ?? [];
  const current = list.find((view) => sameSearch(view.query, search));
  const mine = list.filter((v) => v.personId === session.person.id);
  const shared = list.filter((v) => v.personId !== session.person.id);

  return (
    <div className="saved-views">
      <label className="visually-hidden" htmlFor={`views-${entity}`}>
        Saved view
      </label>
      <select
        id={`views-${entity}`}
        className="input input-small"
        value={current?.id ?? ""}
        onChange={(event) => {
          const view = list.find((v) => v.id === event.target.value);
          onApply(view ? view.query : {});
        }}
      >
        <option value="">{current ? "All records" : "Saved views…"}</option>
        {mine.length > 0 ? (
          <optgroup label="My views">
            {mine.map((view) => (
              <option key={view.id} value={view.id}>
                {view.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {shared.length > 0 ? (
          <optgroup label="Shared with everyone">
            {shared.map((view) => (
              <option key={view.id} value={view.id}>
                {view.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {current && current.personId === session.person.id ? (
        <button
          type="button"
          className="button button-small button-danger-quiet"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(current, {
              onSuccess: () => notify(`Deleted the view “${current.name}”`),
              onError: () => notify("Could not delete the view", "error"),
            })
          }
        >
          Delete view
        </button>
      ) : (
        <button type="button" className="button button-small" onClick={() => setSaving(true)}>
          Save view
        </button>
      )}
      {saving ? <SaveViewDialog entity={entity} search={search} onClose={() => setSaving(false)} /> : null}
    </div>
  );
}

const FIELDS = ["name", "query", "shared"] as const;

function SaveViewDialog({
  entity,
  search,
  onClose,
}: {
  entity: ViewEntity;
  search: ListSearch;
  onClose: () => void;
}) {
  const save = useSaveView();
  const notify = useToast();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const check = useValidation(SavedViewCreate.safeParse({ entity, name, query: viewQuery(search), shared }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    save.mutate(input, {
      onSuccess: (view: SavedView) => {
        notify(`Saved the view “${view.name}”`);
        onClose();
      },
    });
  }

  const errors = { ...apiFieldErrors(save.error, FIELDS), ...check.errors };
  return (
    <Dialog title="Save this view" description="The current search, filters and sort." onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Name" error={errors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. My deals closing this quarter"
              data-autofocus
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Share with everyone in the organisation
        </label>
        <FormError message={errors.query ?? formLevelError(save.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            Save view
          </button>
        </div>
      </form>
    </Dialog>
  );
}
