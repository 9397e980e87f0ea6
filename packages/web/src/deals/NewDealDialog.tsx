// A new deal: name, account, amount (typed the way people type money), stage and close date.
import { useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "@tanstack/react-router";
import { BusinessType, DealCreate } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { BUSINESS_TYPE_LABELS } from "../crm/labels";
import { parseMoney } from "../crm/money";
import { useCreateDeal } from "../crm/mutations";
import { usePipeline } from "../crm/names";
import { RecordPicker } from "../crm/RecordPicker";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { COMMON_CURRENCIES, todayIn } from "../ui/format";
import { useValidation } from "../ui/useValidation";

const FIELDS = [
  "name",
  "accountId",
  "amountMinor",
  "currency",
  "stageId",
  "closeDate",
  "businessType",
] as const;

export function NewDealDialog({
  accountId: initialAccount,
  onClose,
}: {
  accountId?: string;
  onClose: () => void;
}) {
  const { org } = useSession();
  const pipeline = usePipeline();
  const create = useCreateDeal();
  const notify = useToast();
  const navigate = useNavigate();
  const openStages = pipeline.active.filter((s) => s.kind === "open");
  const [name, setName] = useState("");
  const [accountId, setAccountId] = useState<string | null>(initialAccount ?? null);
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState(org.currency);
  const [stageId, setStageId] = useState("");
  const [closeDate, setCloseDate] = useState(todayIn(org.timeZone));
  const [businessType, setBusinessType] = useState<DealCreate["businessType"]>("new");
  const amountMinor = parseMoney(amount, currency);
  const check = useValidation(
    DealCreate.safeParse({
      name,
      accountId,
      amountMinor: amountMinor ?? Number.NaN,
      currency,
      stageId: stageId || openStages[0]?.id,
      closeDate,
      businessType,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    create.mutate(input, {
      onSuccess: (deal) => {
        notify(`Created ${deal.name}`);
        onClose();
        void navigate({ to: "/deals/$dealId", params: { dealId: deal.id } });
      },
    });
  }

  const errors = { ...apiFieldErrors(create.error, FIELDS), ...check.errors };
  const currencies = [...new Set([org.currency, ...COMMON_CURRENCIES])];
  return (
    <Dialog title="New deal" onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Name" error={errors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-autofocus
            />
          )}
        </Field>
        <Field label="Account" error={errors.accountId}>
          {(control) => (
            <RecordPicker entity="accounts" control={control} value={accountId} onChange={setAccountId} />
          )}
        </Field>
        <div className="field-row">
          <Field label="Amount" error={errors.amountMinor ? "Enter an amount such as 12,500" : undefined}>
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="decimal"
                value={amount}
                placeholder="12,500"
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </Field>
          <Field label="Currency" error={errors.currency}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={currency}
                onChange={(e) => setCurrency(e.target.value)}
              >
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Stage" error={errors.stageId}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={stageId}
                onChange={(e) => setStageId(e.target.value)}
              >
                {openStages.map((stage) => (
                  <option key={stage.id} value={stage.id}>
                    {stage.name} ({stage.probability}%)
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Expected close date" error={errors.closeDate}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="date"
                value={closeDate}
                onChange={(e) => setCloseDate(e.target.value)}
              />
            )}
          </Field>
          <Field label="Business" error={errors.businessType}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={businessType}
                onChange={(e) => setBusinessType(BusinessType.parse(e.target.value))}
              >
                {BusinessType.options.map((v) => (
                  <option key={v} value={v}>
                    {BUSINESS_TYPE_LABELS[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <FormError message={formLevelError(create.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Create deal
          </button>
        </div>
      </form>
    </Dialog>
  );
}
