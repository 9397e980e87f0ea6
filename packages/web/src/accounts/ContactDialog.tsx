// A contact of an account, new or edited: name, title, email, phone, buying role, relationship
// strength, owner (managers and admins) and CRM id. A stale edit (409) reloads the contact.
import { useState } from "react";
import type { FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { BuyingRole, ContactCreate, ContactUpdate } from "@oars/core";
import type { Contact } from "@oars/core";
import { isApiError } from "../api/client";
import { CONFLICT_MESSAGE, apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { BUYING_ROLE_LABELS } from "../crm/labels";
import { useCreateContact, useUpdateContact } from "../crm/mutations";
import { OwnerSelect, useMayReassign } from "../crm/OwnerSelect";
import { recordQuery } from "../crm/queries";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";

const TEXT = ["name", "title", "email", "phone", "externalId"] as const;
type TextField = (typeof TEXT)[number];
const FIELDS = [...TEXT, "buyingRole", "relationshipStrength", "ownerId", "accountId"] as const;
const LABELS: Record<TextField, string> = {
  name: "Name",
  title: "Title",
  email: "Email",
  phone: "Phone",
  externalId: "CRM id",
};

/** `contactId` edits that contact; without it the dialog creates one on `accountId`. */
export function ContactDialog({
  accountId,
  contactId,
  onClose,
}: {
  accountId: string;
  contactId?: string;
  onClose: () => void;
}) {
  const contact = useQuery({ ...recordQuery("contacts", contactId ?? ""), enabled: Boolean(contactId) });
  const [conflict, setConflict] = useState(false);
  if (contactId && !contact.data) return null;
  return (
    <ContactForm
      key={contact.data?.version ?? "new"}
      accountId={accountId}
      contact={contact.data ?? null}
      conflict={conflict}
      onConflict={() => setConflict(true)}
      onClose={onClose}
    />
  );
}

function ContactForm({
  accountId,
  contact,
  conflict,
  onConflict,
  onClose,
}: {
  accountId: string;
  contact: Contact | null;
  conflict: boolean;
  onConflict: () => void;
  onClose: () => void;
}) {
  const session = useSession();
  const create = useCreateContact();
  const update = useUpdateContact();
  const notify = useToast();
  const mayReassign = useMayReassign();
  const [values, setValues] = useState<Record<TextField, string>>({
    name: contact?.name ?? "",
    title: contact?.title ?? "",
    email: contact?.email ?? "",
    phone: contact?.phone ?? "",
    externalId: contact?.externalId ?? "",
  });
  const [buyingRole, setBuyingRole] = useState<BuyingRole | "">(contact?.buyingRole ?? "");
  const [strength, setStrength] = useState(contact?.relationshipStrength?.toString() ?? "");
  const [ownerId, setOwnerId] = useState(contact?.ownerId ?? session.person.id);
  const fields = {
    ...values,
    email: values.email.trim() === "" ? null : values.email.trim(),
    externalId: values.externalId.trim() === "" ? null : values.externalId,
    buyingRole: buyingRole === "" ? null : buyingRole,
    relationshipStrength: strength === "" ? null : Number(strength),
  };
  const owner = ownerId !== (contact?.ownerId ?? session.person.id) ? { ownerId } : {};
  const createCheck = useValidation(ContactCreate.safeParse({ ...fields, accountId, ...owner }));
  const updateCheck = useValidation(
    ContactUpdate.safeParse({ ...fields, version: contact?.version ?? 0, ...owner }),
  );
  const saving = contact ? update : create;

  function submit(event: FormEvent) {
    event.preventDefault();
    const done = (saved: Contact) => {
      notify(`Saved ${saved.name}`);
      onClose();
    };
    if (contact) {
      const input = updateCheck.validate();
      if (!input) return;
      update.mutate(
        { id: contact.id, ...input },
        {
          onSuccess: done,
          onError: (error) => {
            if (isApiError(error) && error.status === 409) onConflict();
          },
        },
      );
    } else {
      const input = createCheck.validate();
      if (input) create.mutate(input, { onSuccess: done });
    }
  }

  const errors = {
    ...apiFieldErrors(saving.error, FIELDS),
    ...(contact ? updateCheck.errors : createCheck.errors),
  };
  const input = (field: TextField, autoFocus = false) => (
    <Field label={LABELS[field]} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          className={field === "externalId" ? "input mono" : "input"}
          type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
          value={values[field]}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          data-autofocus={autoFocus ? true : undefined}
        />
      )}
    </Field>
  );
  const conflictShown = conflict && isApiError(saving.error) && saving.error.status === 409;
  return (
    <Dialog
      title={contact ? `Edit ${contact.name}` : "New contact"}
      onClose={onClose}
      wide
      testId="contact-dialog"
    >
      <form
        className="stack"
        onSubmit={submit}
        noValidate
        aria-label={contact ? "Edit contact" : "New contact"}
      >
        {conflict ? (
          <p className="notice notice-warn" role="alert">
            {CONFLICT_MESSAGE}
          </p>
        ) : null}
        <div className="field-row">
          {input("name", true)}
          {input("title")}
        </div>
        <div className="field-row">
          {input("email")}
          {input("phone")}
        </div>
        <div className="field-row">
          <Field label="Buying role" error={errors.buyingRole}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={buyingRole}
                onChange={(e) => setBuyingRole(e.target.value === "" ? "" : BuyingRole.parse(e.target.value))}
              >
                <option value="">Not set</option>
                {BuyingRole.options.map((role) => (
                  <option key={role} value={role}>
                    {BUYING_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Relationship" error={errors.relationshipStrength}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={strength}
                onChange={(e) => setStrength(e.target.value)}
              >
                <option value="">Not rated</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n} of 5{n === 1 ? " (cold)" : n === 5 ? " (strong)" : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          {mayReassign ? (
            <Field label="Owner" error={errors.ownerId}>
              {(control) => <OwnerSelect control={control} value={ownerId} onChange={setOwnerId} />}
            </Field>
          ) : null}
          {input("externalId")}
        </div>
        <FormError message={conflictShown ? null : formLevelError(saving.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving.isPending}>
            {contact ? "Save contact" : "Add contact"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
