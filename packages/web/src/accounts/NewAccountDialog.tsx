// A new account: its name and how it is classified (industry, segment, region, tier).
import { useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "@tanstack/react-router";
import { AccountCreate } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useCreateAccount } from "../crm/mutations";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";

const FIELDS = ["name", "industry", "segment", "region", "tier", "website"] as const;
type TextField = (typeof FIELDS)[number];
const LABELS: Record<TextField, string> = {
  name: "Name",
  industry: "Industry",
  segment: "Segment",
  region: "Region",
  tier: "Tier",
  website: "Website",
};
const HINTS: Partial<Record<TextField, string>> = {
  segment: "e.g. SMB, Mid-market, Enterprise",
  tier: "e.g. major for key accounts",
};

export function NewAccountDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateAccount();
  const notify = useToast();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<TextField, string>>({
    name: "",
    industry: "",
    segment: "",
    region: "",
    tier: "",
    website: "",
  });
  const check = useValidation(AccountCreate.safeParse(values));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    create.mutate(input, {
      onSuccess: (account) => {
        notify(`Created ${account.name}`);
        onClose();
        void navigate({ to: "/accounts/$accountId", params: { accountId: account.id } });
      },
    });
  }

  const errors = { ...apiFieldErrors(create.error, FIELDS), ...check.errors };
  const input = (field: TextField, autoFocus = false) => (
    <Field label={LABELS[field]} error={errors[field]} hint={HINTS[field]}>
      {(control) => (
        <input
          {...control}
          className="input"
          type={field === "website" ? "url" : "text"}
          value={values[field]}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          data-autofocus={autoFocus ? true : undefined}
        />
      )}
    </Field>
  );
  return (
    <Dialog title="New account" onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        {input("name", true)}
        <div className="field-row">
          {input("industry")}
          {input("segment")}
        </div>
        <div className="field-row">
          {input("region")}
          {input("tier")}
        </div>
        {input("website")}
        <FormError message={formLevelError(create.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Create account
          </button>
        </div>
      </form>
    </Dialog>
  );
}
