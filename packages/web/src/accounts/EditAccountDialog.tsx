// Editing an account: name, classification, size, owner (managers and admins), parent account,
// tags and CRM id. Someone else's save in the meantime (409) reloads the account and says so.
import { useState } from "react";
import type { FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { AccountUpdate } from "@oars/core";
import type { Account } from "@oars/core";
import { isApiError } from "../api/client";
import { CONFLICT_MESSAGE, apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { moneyInput, parseMoney } from "../crm/money";
import { useUpdateAccount } from "../crm/mutations";
import { OwnerSelect, useMayReassign } from "../crm/OwnerSelect";
import { recordQuery } from "../crm/queries";
import { RecordPicker } from "../crm/RecordPicker";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";

const TEXT = ["name", "industry", "segment", "region", "tier", "website", "externalId"] as const;
type TextField = (typeof TEXT)[number];
const FIELDS = [...TEXT, "employeeCount", "annualRevenueMinor", "parentId", "tags", "ownerId"] as const;
const LABELS: Record<TextField, string> = {
  name: "Name",
  industry: "Industry",
  segment: "Segment",
  region: "Region",
  tier: "Tier",
  website: "Website",
  externalId: "CRM id",
};

export function EditAccountDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const account = useQuery(recordQuery("accounts", accountId));
  const [conflict, setConflict] = useState(false);
  if (!account.data) return null;
  return (
    <AccountForm
      key={account.data.version}
      account={account.data}
      conflict={conflict}
      onConflict={() => setConflict(true)}
      onClose={onClose}
    />
  );
}

function AccountForm({
  account,
  conflict,
  onConflict,
  onClose,
}: {
  account: Account;
  conflict: boolean;
  onConflict: () => void;
  onClose: () => void;
}) {
  const { org } = useSession();
  const update = useUpdateAccount();
  const notify = useToast();
  const mayReassign = useMayReassign();
  const [values, setValues] = useState<Record<TextField, string>>({
    name: account.name,
    industry: account.industry ?? "",
    segment: account.segment ?? "",
    region: account.region ?? "",
    tier: account.tier ?? "",
    website: account.website ?? "",
    externalId: account.externalId ?? "",
  });
  const [employees, setEmployees] = useState(account.employeeCount?.toString() ?? "");
  const [revenue, setRevenue] = useState(
    account.annualRevenueMinor === null ? "" : moneyInput(account.annualRevenueMinor, org.currency),
  );
  const [parentId, setParentId] = useState<string | null>(account.parentId);
  const [tags, setTags] = useState(account.tags.join(", "));
  const [ownerId, setOwnerId] = useState(account.ownerId);
  const check = useValidation(
    AccountUpdate.safeParse({
      version: account.version,
      ...values,
      externalId: values.externalId.trim() === "" ? null : values.externalId,
      employeeCount: employees.trim() === "" ? null : Number(employees.replace(/[\s,.]/g, "")),
      annualRevenueMinor: revenue.trim() === "" ? null : (parseMoney(revenue, org.currency) ?? Number.NaN),
      parentId,
      tags: tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      ...(ownerId !== account.ownerId ? { ownerId } : {}),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    update.mutate(
      { id: account.id, ...input },
      {
        onSuccess: (saved) => {
          notify(`Saved ${saved.name}`);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) onConflict();
        },
      },
    );
  }

  const errors = { ...apiFieldErrors(update.error, FIELDS), ...check.errors };
  const input = (field: TextField, autoFocus = false) => (
    <Field label={LABELS[field]} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          className={field === "externalId" ? "input mono" : "input"}
          type={field === "website" ? "url" : "text"}
          value={values[field]}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          data-autofocus={autoFocus ? true : undefined}
        />
      )}
    </Field>
  );
  return (
    <Dialog title={`Edit ${account.name}`} onClose={onClose} wide testId="edit-account">
      <form className="stack" onSubmit={submit} noValidate aria-label="Edit account">
        {conflict ? (
          <p className="notice notice-warn" role="alert">
            {CONFLICT_MESSAGE}
          </p>
        ) : null}
        {input("name", true)}
        <div className="field-row">
          {input("industry")}
          {input("segment")}
        </div>
        <div className="field-row">
          {input("region")}
          {input("tier")}
        </div>
        <div className="field-row">
          <Field label="Employees" error={errors.employeeCount}>
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="numeric"
                value={employees}
                onChange={(e) => setEmployees(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={`Annual revenue (${org.currency})`}
            error={errors.annualRevenueMinor ? "Enter an amount such as 1,500,000" : undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="decimal"
                value={revenue}
                onChange={(e) => setRevenue(e.target.value)}
              />
            )}
          </Field>
        </div>
        {input("website")}
        <div className="field-row">
          <Field label="Part of (parent account)" error={errors.parentId}>
            {(control) => (
              <RecordPicker entity="accounts" control={control} value={parentId} onChange={setParentId} />
            )}
          </Field>
          {mayReassign ? (
            <Field label="Owner" error={errors.ownerId}>
              {(control) => <OwnerSelect control={control} value={ownerId} onChange={setOwnerId} />}
            </Field>
          ) : null}
        </div>
        <div className="field-row">
          <Field label="Tags" error={errors.tags} hint="Separated by commas">
            {(control) => (
              <input {...control} className="input" value={tags} onChange={(e) => setTags(e.target.value)} />
            )}
          </Field>
          {input("externalId")}
        </div>
        <FormError
          message={conflict && isConflict(update.error) ? null : formLevelError(update.error, FIELDS)}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save account
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const isConflict = (error: unknown) => isApiError(error) && error.status === 409;
