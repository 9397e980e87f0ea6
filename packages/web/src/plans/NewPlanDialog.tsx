// Starting a plan: blank, from one of the three persona templates (which ask for their few
// numbers), or from one of the organisation's own templates.
import { useState } from "react";
import type { PlanTemplate, TemplateInput } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { toMajor, toMinor, type OwnerOption } from "./labels";
import { useCreatePlan } from "./queries";

interface Props {
  owners: OwnerOption[];
  templates: PlanTemplate[];
  onClose: () => void;
  onCreated: (planId: string) => void;
}

const BLANK = "blank";

/** A person's template defaults to oneself; a team's to one's own team when one plans for it. */
function defaultOwner(
  owners: OwnerOption[],
  template: PlanTemplate | undefined,
  me: { id: string; teamId: string | null },
): string {
  const pick =
    template?.ownerType === "team"
      ? (owners.find((o) => o.type === "team" && o.id === me.teamId) ?? owners.find((o) => o.type === "team"))
      : owners.find((o) => o.id === me.id);
  const first = pick ?? owners[0];
  return first ? `${first.type}:${first.id}` : "";
}

function inputText(i: TemplateInput, currency: string): string {
  return String(i.kind === "money" ? toMajor(i.default, currency) : i.default);
}

export function NewPlanDialog({ owners, templates, onClose, onCreated }: Props) {
  const session = useSession();
  const currency = session.org.currency;
  const create = useCreatePlan();
  const notify = useToast();
  const [templateKey, setTemplateKey] = useState(BLANK);
  const template = templates.find((t) => t.key === templateKey);
  const [owner, setOwner] = useState(() => defaultOwner(owners, undefined, session.person));
  const [title, setTitle] = useState("");
  const [horizonStart, setHorizonStart] = useState("");
  const [horizonEnd, setHorizonEnd] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const fields = [
    "title",
    "ownerId",
    "horizonStart",
    "horizonEnd",
    "templateKey",
    ...(template?.inputs ?? []).map((i) => `templateInputs.${i.key}`),
  ];
  const errors = apiFieldErrors(create.error, fields);

  function choose(key: string) {
    setTemplateKey(key);
    const next = templates.find((t) => t.key === key);
    setOwner(defaultOwner(owners, next, session.person));
    setValues(Object.fromEntries((next?.inputs ?? []).map((i) => [i.key, inputText(i, currency)])));
    if (!title && next) setTitle(next.name);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const [ownerType, ownerId] = owner.split(":");
    if ((ownerType !== "person" && ownerType !== "team") || !ownerId) return;
    const templateInputs = template
      ? Object.fromEntries(
          template.inputs.map((i) => {
            const n = Number(values[i.key] ?? inputText(i, currency));
            return [i.key, i.kind === "money" ? toMinor(n, currency) : n];
          }),
        )
      : undefined;
    create.mutate(
      {
        title,
        ownerType,
        ownerId,
        horizonStart: horizonStart || undefined,
        horizonEnd: horizonEnd || undefined,
        templateKey: template ? template.key : null,
        templateInputs: template && template.inputs.length > 0 ? templateInputs : undefined,
      },
      {
        onSuccess: (plan) => {
          notify(template ? `Plan created from “${template.name}”` : "Plan created");
          onCreated(plan.id);
        },
      },
    );
  }

  return (
    <Dialog
      title="New plan"
      onClose={onClose}
      wide
      description="A template asks for a few numbers and fills in objectives and initiatives you then edit."
    >
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>Start from</legend>
          <div className="template-choices">
            {[
              {
                key: BLANK,
                name: "Blank plan",
                persona: "Anyone",
                description: "Start from a statement and add your own objectives.",
                objectiveTitles: [] as string[],
              },
              ...templates,
            ].map((t) => (
              <label
                key={t.key}
                className={t.key === templateKey ? "template-choice template-choice-on" : "template-choice"}
              >
                <input
                  type="radio"
                  name="template"
                  value={t.key}
                  checked={t.key === templateKey}
                  onChange={() => choose(t.key)}
                />
                <span className="template-name">{t.name}</span>
                <span className="muted small">{t.persona}</span>
                {t.objectiveTitles.length > 0 ? (
                  <span className="muted small">{t.objectiveTitles.length} objectives to start with</span>
                ) : null}
              </label>
            ))}
          </div>
          {template ? <p className="muted small">{template.description}</p> : null}
          {errors.templateKey ? <p className="field-error">{errors.templateKey}</p> : null}
        </fieldset>

        <div className="field-row">
          <Field label="Title" error={errors.title}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
                maxLength={200}
                data-autofocus
              />
            )}
          </Field>
          <Field label="Owner" error={errors.ownerId}>
            {(c) => (
              <select {...c} className="input" value={owner} onChange={(e) => setOwner(e.target.value)}>
                {owners.map((o) => (
                  <option key={`${o.type}:${o.id}`} value={`${o.type}:${o.id}`}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field
            label="Horizon starts"
            hint="Empty: the start of this fiscal year"
            error={errors.horizonStart}
          >
            {(c) => (
              <input
                {...c}
                type="date"
                className="input"
                value={horizonStart}
                onChange={(e) => setHorizonStart(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Horizon ends"
            hint={template ? "Empty: from the horizon below" : "Empty: two fiscal years"}
            error={errors.horizonEnd}
          >
            {(c) => (
              <input
                {...c}
                type="date"
                className="input"
                value={horizonEnd}
                onChange={(e) => setHorizonEnd(e.target.value)}
              />
            )}
          </Field>
        </div>

        {template && template.inputs.length > 0 ? (
          <fieldset className="fieldset">
            <legend>The template's numbers</legend>
            <div className="field-row">
              {template.inputs.map((i) => (
                <Field
                  key={i.key}
                  label={`${i.label}${i.kind === "money" ? ` (${currency})` : i.kind === "percent" ? " (%)" : i.kind === "months" ? " (months)" : ""}`}
                  error={errors[`templateInputs.${i.key}`]}
                  hint={i.help || undefined}
                >
                  {(c) => (
                    <input
                      {...c}
                      type="number"
                      inputMode="decimal"
                      className="input"
                      min={i.kind === "money" ? toMajor(i.min, currency) : i.min}
                      step={i.kind === "months" ? 1 : "any"}
                      value={values[i.key] ?? inputText(i, currency)}
                      onChange={(e) => setValues({ ...values, [i.key]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ) : null}

        <FormError message={formLevelError(create.error, fields)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending || !title.trim() || !owner}
          >
            Create plan
          </button>
        </div>
      </form>
    </Dialog>
  );
}
