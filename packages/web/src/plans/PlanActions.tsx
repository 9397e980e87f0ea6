// What one can do with a whole plan: edit its title, statement and horizon, move it on to its next
// status, print it, download it as Markdown, and (admins) save it as an org template.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { PlanStatus, StrategicPlan } from "@oars/core";
import { apiFieldErrors, errorMessage, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { teamsQuery } from "../team/queries";
import { ConfirmDialog, Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { plannableOwners } from "./labels";
import { everyoneQuery, useSaveAsTemplate, useUpdatePlan } from "./queries";

const NEXT: Partial<Record<PlanStatus, { to: PlanStatus; label: string; explain: string }>> = {
  draft: {
    to: "active",
    label: "Activate",
    explain:
      "Activating records today's plan as its baseline, so later changes to objectives and targets show up against it.",
  },
  active: {
    to: "closed",
    label: "Close plan",
    explain: "A closed plan is kept as it was: its content can no longer change.",
  },
  closed: {
    to: "archived",
    label: "Archive",
    explain: "An archived plan leaves the lists and the strategy map; it can still be opened.",
  },
};

export function PlanActions({ plan }: { plan: StrategicPlan }) {
  const session = useSession();
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const [open, setOpen] = useState<"edit" | "status" | "template" | null>(null);
  const update = useUpdatePlan(plan.id);
  const notify = useToast();
  // canEdit is false once a plan is closed; its owner's managers may still archive it.
  const isWriter =
    plan.canEdit ||
    plannableOwners(session, teams.data ?? [], people.data ?? []).some(
      (o) => o.type === plan.ownerType && o.id === plan.ownerId,
    );
  const next = NEXT[plan.status];

  return (
    <div className="page-actions plan-actions">
      {plan.canEdit ? (
        <button type="button" className="button" onClick={() => setOpen("edit")}>
          Edit details
        </button>
      ) : null}
      {isWriter && next ? (
        <button type="button" className="button" onClick={() => setOpen("status")}>
          {next.label}
        </button>
      ) : null}
      <Link to="/plans/$planId/print" params={{ planId: plan.id }} className="button">
        Print
      </Link>
      <a className="button" href={`/api/v1/plans/${plan.id}/document.md`} download>
        Markdown
      </a>
      {session.person.role === "admin" ? (
        <button type="button" className="button" onClick={() => setOpen("template")}>
          Save as template
        </button>
      ) : null}

      {open === "edit" ? <EditPlanDialog plan={plan} onClose={() => setOpen(null)} /> : null}
      {open === "status" && next ? (
        <ConfirmDialog
          title={`${next.label}: ${plan.title}`}
          confirmLabel={next.label}
          pending={update.isPending}
          error={update.error ? errorMessage(update.error) : null}
          onClose={() => setOpen(null)}
          onConfirm={() =>
            update.mutate(
              { version: plan.version, status: next.to },
              {
                onSuccess: () => {
                  notify(next.to === "active" ? "Plan activated; baseline recorded" : `Plan ${next.to}`);
                  setOpen(null);
                },
              },
            )
          }
        >
          <p>{next.explain}</p>
        </ConfirmDialog>
      ) : null}
      {open === "template" ? <SaveTemplateDialog plan={plan} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function EditPlanDialog({ plan, onClose }: { plan: StrategicPlan; onClose: () => void }) {
  const update = useUpdatePlan(plan.id);
  const notify = useToast();
  const [title, setTitle] = useState(plan.title);
  const [statement, setStatement] = useState(plan.statement);
  const [horizonStart, setHorizonStart] = useState(plan.horizonStart);
  const [horizonEnd, setHorizonEnd] = useState(plan.horizonEnd);
  const fields = ["title", "statement", "horizonStart", "horizonEnd"];
  const errors = apiFieldErrors(update.error, fields);
  return (
    <Dialog title="Edit plan" onClose={onClose} wide>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            { version: plan.version, title, statement, horizonStart, horizonEnd },
            {
              onSuccess: () => {
                notify("Plan saved");
                onClose();
              },
            },
          );
        }}
      >
        <Field label="Title" error={errors.title}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={200}
              data-autofocus
            />
          )}
        </Field>
        <Field
          label="Where we want to be"
          hint="The statement: where the owner means to be at the end of the horizon."
          error={errors.statement}
        >
          {(c) => (
            <textarea
              {...c}
              className="input"
              rows={4}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
            />
          )}
        </Field>
        <div className="field-row">
          <Field label="Horizon starts" error={errors.horizonStart}>
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
          <Field label="Horizon ends" error={errors.horizonEnd}>
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
        <FormError message={formLevelError(update.error, fields)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function SaveTemplateDialog({ plan, onClose }: { plan: StrategicPlan; onClose: () => void }) {
  const save = useSaveAsTemplate(plan.id);
  const notify = useToast();
  const [name, setName] = useState(plan.title);
  const [persona, setPersona] = useState("");
  const [description, setDescription] = useState("");
  const errors = apiFieldErrors(save.error, ["name", "persona", "description"]);
  return (
    <Dialog
      title="Save as org template"
      onClose={onClose}
      description="Its objectives and initiatives, with dates kept relative to the horizon, become a template anyone in the organisation can start from."
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { name, persona, description },
            {
              onSuccess: () => {
                notify("Template saved");
                onClose();
              },
            },
          );
        }}
      >
        <Field label="Name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-autofocus
            />
          )}
        </Field>
        <Field label="For whom" hint="e.g. Regional manager" error={errors.persona}>
          {(c) => (
            <input {...c} className="input" value={persona} onChange={(e) => setPersona(e.target.value)} />
          )}
        </Field>
        <Field label="Description" error={errors.description}>
          {(c) => (
            <textarea
              {...c}
              className="input"
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <FormError message={formLevelError(save.error, ["name", "persona", "description"])} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending || !name.trim()}>
            Save template
          </button>
        </div>
      </form>
    </Dialog>
  );
}
