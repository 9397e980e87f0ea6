// Editing a deal: every field of it — name, account, owner (managers and admins), amount and
// currency, stage, probability, forecast category, dates, lost reason, business type, CRM id and
// product lines. Someone else's save in the meantime (409) reloads the deal and says so.
import { useState } from "react";
import type { FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { BusinessType, DealForecastCategory, DealUpdate } from "@oars/core";
import type { DealDetail, DealProductLine } from "@oars/core";
import { isApiError } from "../api/client";
import { CONFLICT_MESSAGE, apiFieldErrors, formLevelError } from "../api/errors";
import { BUSINESS_TYPE_LABELS, FORECAST_LABELS } from "../crm/labels";
import { moneyInput, parseMoney } from "../crm/money";
import { useUpdateDeal } from "../crm/mutations";
import { usePipeline } from "../crm/names";
import { OwnerSelect, useMayReassign } from "../crm/OwnerSelect";
import { productsQuery, recordQuery } from "../crm/queries";
import { RecordPicker } from "../crm/RecordPicker";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { COMMON_CURRENCIES } from "../ui/format";
import { useValidation } from "../ui/useValidation";

const FIELDS = [
  "name",
  "accountId",
  "ownerId",
  "amountMinor",
  "currency",
  "stageId",
  "probability",
  "forecastCategory",
  "closeDate",
  "createdDate",
  "lostReason",
  "businessType",
  "externalId",
  "products",
] as const;

interface Line {
  productId: string;
  quantity: string;
  unitPrice: string;
}

export function EditDealDialog({ dealId, onClose }: { dealId: string; onClose: () => void }) {
  const deal = useQuery(recordQuery("deals", dealId));
  const [conflict, setConflict] = useState(false);
  if (!deal.data) return null;
  // A newer version (after a conflict) starts the form again from what is really there.
  return (
    <DealForm
      key={deal.data.version}
      deal={deal.data}
      conflict={conflict}
      onConflict={() => setConflict(true)}
      onClose={onClose}
    />
  );
}

function DealForm({
  deal,
  conflict,
  onConflict,
  onClose,
}: {
  deal: DealDetail;
  conflict: boolean;
  onConflict: () => void;
  onClose: () => void;
}) {
  const pipeline = usePipeline();
  const products = useQuery(productsQuery);
  const update = useUpdateDeal();
  const notify = useToast();
  const mayReassign = useMayReassign();
  const [name, setName] = useState(deal.name);
  const [accountId, setAccountId] = useState<string | null>(deal.accountId);
  const [ownerId, setOwnerId] = useState(deal.ownerId);
  const [amount, setAmount] = useState(moneyInput(deal.amountMinor, deal.currency));
  const [currency, setCurrency] = useState(deal.currency);
  const [stageId, setStageId] = useState(deal.stageId);
  const [probability, setProbability] = useState(String(deal.probability));
  const [forecastCategory, setForecastCategory] = useState(deal.forecastCategory);
  const [closeDate, setCloseDate] = useState(deal.closeDate);
  const [createdDate, setCreatedDate] = useState(deal.createdDate);
  const [lostReason, setLostReason] = useState(deal.lostReason ?? "");
  const [businessType, setBusinessType] = useState(deal.businessType);
  const [externalId, setExternalId] = useState(deal.externalId ?? "");
  const [lines, setLines] = useState<Line[]>(
    deal.products.map((l) => ({
      productId: l.productId,
      quantity: String(l.quantity),
      unitPrice: moneyInput(l.unitPriceMinor, deal.currency),
    })),
  );
  const stage = pipeline.byId.get(stageId);
  const stageMoved = stageId !== deal.stageId;
  const productLines: DealProductLine[] = lines
    .filter((l) => l.productId)
    .map((l) => ({
      productId: l.productId,
      quantity: Number(l.quantity.replace(",", ".")),
      unitPriceMinor: parseMoney(l.unitPrice, currency) ?? Number.NaN,
    }));
  const linesChanged = JSON.stringify(productLines) !== JSON.stringify(deal.products);
  const check = useValidation(
    DealUpdate.safeParse({
      version: deal.version,
      name,
      accountId,
      ...(ownerId !== deal.ownerId ? { ownerId } : {}),
      amountMinor: parseMoney(amount, currency) ?? Number.NaN,
      currency,
      ...(stageMoved ? { stageId } : {}),
      // Moving to a new stage takes that stage's probability and category unless changed here.
      ...(probability !== String(deal.probability) || !stageMoved
        ? { probability: probability === "" ? Number.NaN : Number(probability) }
        : {}),
      ...(forecastCategory !== deal.forecastCategory || !stageMoved ? { forecastCategory } : {}),
      closeDate,
      createdDate,
      lostReason: stage?.kind === "lost" ? lostReason : null,
      businessType,
      externalId: externalId.trim() === "" ? null : externalId,
      ...(linesChanged ? { products: productLines } : {}),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    update.mutate(
      { id: deal.id, ...input },
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
  const productsError = Object.entries(errors).find(([k]) => k.startsWith("products"))?.[1];
  const currencies = [...new Set([deal.currency, ...COMMON_CURRENCIES])];
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Dialog title={`Edit ${deal.name}`} onClose={onClose} wide testId="edit-deal">
      <form className="stack" onSubmit={submit} noValidate aria-label="Edit deal">
        {conflict ? (
          <p className="notice notice-warn" role="alert">
            {CONFLICT_MESSAGE}
          </p>
        ) : null}
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
        <div className="field-row">
          <Field label="Account" error={errors.accountId}>
            {(control) => (
              <RecordPicker entity="accounts" control={control} value={accountId} onChange={setAccountId} />
            )}
          </Field>
          {mayReassign ? (
            <Field label="Owner" error={errors.ownerId}>
              {(control) => <OwnerSelect control={control} value={ownerId} onChange={setOwnerId} />}
            </Field>
          ) : null}
        </div>
        <div className="field-row">
          <Field label="Amount" error={errors.amountMinor ? "Enter an amount such as 12,500" : undefined}>
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="decimal"
                value={amount}
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
                {pipeline.active
                  .concat(pipeline.active.some((s) => s.id === deal.stageId) ? [] : stage ? [stage] : [])
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.probability}%)
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field
            label="Probability %"
            error={errors.probability}
            hint={stageMoved ? "Empty or unchanged: the stage's" : undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="numeric"
                value={probability}
                onChange={(e) => setProbability(e.target.value.replace(/[^\d]/g, ""))}
              />
            )}
          </Field>
          <Field label="Forecast" error={errors.forecastCategory}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={forecastCategory}
                onChange={(e) => setForecastCategory(DealForecastCategory.parse(e.target.value))}
              >
                {DealForecastCategory.options.map((v) => (
                  <option key={v} value={v}>
                    {FORECAST_LABELS[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field
            label={stage?.kind === "open" ? "Expected close date" : "Close date"}
            error={errors.closeDate}
          >
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
          <Field label="Created" error={errors.createdDate}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="date"
                value={createdDate}
                onChange={(e) => setCreatedDate(e.target.value)}
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
        {stage?.kind === "lost" ? (
          <Field label="Lost reason" error={errors.lostReason}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={lostReason}
                onChange={(e) => setLostReason(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field label="CRM id" error={errors.externalId} hint="The deal's id in the CRM it came from">
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={externalId}
              onChange={(e) => setExternalId(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>Products</legend>
          {lines.map((line, i) => (
            <div key={i} className="field-row product-line-edit">
              <Field label="Product">
                {(control) => (
                  <select
                    {...control}
                    className="input"
                    value={line.productId}
                    onChange={(e) => setLine(i, { productId: e.target.value })}
                  >
                    <option value="">Choose…</option>
                    {(products.data ?? [])
                      .filter((p) => !p.archived || p.id === line.productId)
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              <Field label="Quantity">
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    inputMode="decimal"
                    value={line.quantity}
                    onChange={(e) => setLine(i, { quantity: e.target.value })}
                  />
                )}
              </Field>
              <Field label={`Unit price (${currency})`}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    inputMode="decimal"
                    value={line.unitPrice}
                    onChange={(e) => setLine(i, { unitPrice: e.target.value })}
                  />
                )}
              </Field>
              <button
                type="button"
                className="button button-danger-quiet"
                aria-label={`Remove product line ${i + 1}`}
                onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setLines((all) => [...all, { productId: "", quantity: "1", unitPrice: "" }])}
            disabled={!products.data?.some((p) => !p.archived)}
          >
            Add product
          </button>
          <p className="field-error" aria-live="polite">
            {productsError ?? ""}
          </p>
        </fieldset>
        <FormError
          message={conflict && isConflict(update.error) ? null : formLevelError(update.error, FIELDS)}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save deal
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const isConflict = (error: unknown) => isApiError(error) && error.status === 409;
