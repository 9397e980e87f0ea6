// Settings for sales data (admins): the deal stages in their order with each one's default
// probability, kind and forecast category; the product catalogue; dated exchange rates into the
// org's reporting currency. Each row saves on its own; a stale version (409) reloads the list.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DealForecastCategory, StageKind } from "@oars/core";
import type { ExchangeRate, Product, Stage } from "@oars/core";
import { api, isApiError } from "../api/client";
import { CONFLICT_MESSAGE, errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { FORECAST_LABELS } from "../crm/labels";
import { formatMoney, moneyInput, parseMoney } from "../crm/money";
import { productsQuery, stagesQuery } from "../crm/queries";
import { ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { COMMON_CURRENCIES, formatDate, todayIn } from "../ui/format";

const KIND_LABELS: Record<StageKind, string> = { open: "Open", won: "Won", lost: "Lost" };

export function SalesSettings() {
  return (
    <>
      <PipelineSettings />
      <ProductSettings />
      <RateSettings />
    </>
  );
}

/** A failed save as one sentence; a conflict also reloads what it concerns. */
function useFailure(refresh: () => void) {
  const notify = useToast();
  return (error: unknown) => {
    if (isApiError(error) && error.status === 409) {
      notify(CONFLICT_MESSAGE, "error");
      refresh();
    } else notify(errorMessage(error), "error");
  };
}

function PipelineSettings() {
  const queryClient = useQueryClient();
  const stages = useQuery(stagesQuery);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["crm", "stages"] });
  const fail = useFailure(refresh);
  const notify = useToast();
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: Stage[] }>("/api/v1/pipeline/stages/order", { ids }),
    onSuccess: (saved) => queryClient.setQueryData(["crm", "stages"], saved.items),
    onError: fail,
  });
  const [name, setName] = useState("");
  const [probability, setProbability] = useState("10");
  const [kind, setKind] = useState<StageKind>("open");
  const create = useMutation({
    mutationFn: () =>
      api.post<Stage>("/api/v1/pipeline/stages", { name, probability: Number(probability), kind }),
    onSuccess: (stage) => {
      notify(`Added ${stage.name}`);
      setName("");
      refresh();
    },
    onError: fail,
  });
  const all = [...(stages.data ?? [])].sort((a, b) => a.position - b.position);
  const move = (index: number, by: -1 | 1) => {
    const ids = all.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    if (id) ids.splice(index + by, 0, id);
    reorder.mutate(ids);
  };
  return (
    <section className="card stack" aria-labelledby="settings-pipeline" data-testid="settings-pipeline">
      <div>
        <h2 id="settings-pipeline" className="card-title">
          Deal stages
        </h2>
        <p className="muted small">
          The pipeline in order. A new deal takes its stage's probability and forecast category; won and lost
          stages close a deal.
        </p>
      </div>
      {stages.isPending ? <Loading label="Loading stages…" /> : null}
      {stages.isError ? <ErrorNotice error={stages.error} onRetry={() => void stages.refetch()} /> : null}
      <ol className="settings-rows">
        {all.map((stage, index) => (
          <li key={`${stage.id}:${stage.version}`} className="settings-row">
            <StageRow stage={stage} onSaved={refresh} onFail={fail} />
            <div className="settings-row-order">
              <button
                type="button"
                className="button button-small"
                aria-label={`Move ${stage.name} up`}
                disabled={index === 0 || reorder.isPending}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={`Move ${stage.name} down`}
                disabled={index === all.length - 1 || reorder.isPending}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </div>
          </li>
        ))}
      </ol>
      <form
        className="inline-form"
        aria-label="Add a stage"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="new-stage-name">New stage</label>
          <input
            id="new-stage-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-stage-probability">Probability %</label>
          <input
            id="new-stage-probability"
            className="input"
            inputMode="numeric"
            value={probability}
            onChange={(e) => setProbability(e.target.value.replace(/[^\d]/g, ""))}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-stage-kind">Kind</label>
          <select
            id="new-stage-kind"
            className="input"
            value={kind}
            onChange={(e) => setKind(StageKind.parse(e.target.value))}
          >
            {StageKind.options.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={!name.trim() || create.isPending}>
          Add stage
        </button>
      </form>
    </section>
  );
}

function StageRow({
  stage,
  onSaved,
  onFail,
}: {
  stage: Stage;
  onSaved: () => void;
  onFail: (error: unknown) => void;
}) {
  const notify = useToast();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const [category, setCategory] = useState(stage.forecastCategory);
  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      api.patch<Stage>(`/api/v1/pipeline/stages/${stage.id}`, { version: stage.version, ...patch }),
    onSuccess: (saved) => {
      notify(`Saved ${saved.name}`);
      onSaved();
    },
    onError: onFail,
  });
  const changed =
    name !== stage.name || probability !== String(stage.probability) || category !== stage.forecastCategory;
  const id = `stage-${stage.id}`;
  return (
    <form
      className="settings-row-fields"
      aria-label={`Stage ${stage.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, probability: Number(probability), forecastCategory: category });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-probability`}>Probability %</label>
        <input
          id={`${id}-probability`}
          className="input"
          inputMode="numeric"
          value={probability}
          onChange={(e) => setProbability(e.target.value.replace(/[^\d]/g, ""))}
        />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-category`}>Forecast</label>
        <select
          id={`${id}-category`}
          className="input"
          value={category}
          disabled={stage.kind !== "open"}
          onChange={(e) => setCategory(DealForecastCategory.parse(e.target.value))}
        >
          {DealForecastCategory.options.map((v) => (
            <option key={v} value={v}>
              {FORECAST_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      <span className={`stage-badge stage-${stage.kind}`} title="Kind">
        {KIND_LABELS[stage.kind]}
      </span>
      {stage.archived ? <span className="tag">Archived</span> : null}
      <div className="settings-row-actions">
        <button type="submit" className="button button-small" disabled={!changed || save.isPending}>
          Save
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={save.isPending}
          onClick={() => save.mutate({ archived: !stage.archived })}
        >
          {stage.archived ? "Restore" : "Archive"}
        </button>
      </div>
    </form>
  );
}

function ProductSettings() {
  const queryClient = useQueryClient();
  const { org } = useSession();
  const products = useQuery(productsQuery);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["crm", "products"] });
  const fail = useFailure(refresh);
  const notify = useToast();
  const [name, setName] = useState("");
  const [family, setFamily] = useState("");
  const [price, setPrice] = useState("");
  const priceMinor = price.trim() === "" ? null : parseMoney(price, org.currency);
  const create = useMutation({
    mutationFn: () =>
      api.post<Product>("/api/v1/products", {
        name,
        family: family || null,
        listPriceMinor: priceMinor,
      }),
    onSuccess: (product) => {
      notify(`Added ${product.name}`);
      setName("");
      setFamily("");
      setPrice("");
      refresh();
    },
    onError: fail,
  });
  const all = [...(products.data ?? [])].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name),
  );
  return (
    <section className="card stack" aria-labelledby="settings-products" data-testid="settings-products">
      <div>
        <h2 id="settings-products" className="card-title">
          Products
        </h2>
        <p className="muted small">What deals sell: the lines of a deal pick from this list.</p>
      </div>
      {products.isPending ? <Loading label="Loading products…" /> : null}
      {products.isError ? (
        <ErrorNotice error={products.error} onRetry={() => void products.refetch()} />
      ) : null}
      {all.length === 0 && products.isSuccess ? <p className="muted small">No products yet.</p> : null}
      <ul className="settings-rows">
        {all.map((product) => (
          <li key={`${product.id}:${product.version}`} className="settings-row">
            <ProductRow product={product} onSaved={refresh} onFail={fail} />
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        aria-label="Add a product"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (name.trim() && priceMinor !== null) create.mutate();
          else if (name.trim() && price.trim() === "") create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="new-product-name">New product</label>
          <input
            id="new-product-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-product-family">Family</label>
          <input
            id="new-product-family"
            className="input"
            value={family}
            onChange={(e) => setFamily(e.target.value)}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-product-price">List price ({org.currency})</label>
          <input
            id="new-product-price"
            className="input"
            inputMode="decimal"
            value={price}
            aria-invalid={price.trim() !== "" && priceMinor === null}
            onChange={(e) => setPrice(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={!name.trim() || create.isPending}>
          Add product
        </button>
      </form>
    </section>
  );
}

function ProductRow({
  product,
  onSaved,
  onFail,
}: {
  product: Product;
  onSaved: () => void;
  onFail: (error: unknown) => void;
}) {
  const notify = useToast();
  const [name, setName] = useState(product.name);
  const [family, setFamily] = useState(product.family ?? "");
  const [price, setPrice] = useState(
    product.listPriceMinor === null ? "" : moneyInput(product.listPriceMinor, product.currency),
  );
  const priceMinor = price.trim() === "" ? null : parseMoney(price, product.currency);
  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      api.patch<Product>(`/api/v1/products/${product.id}`, { version: product.version, ...patch }),
    onSuccess: (saved) => {
      notify(`Saved ${saved.name}`);
      onSaved();
    },
    onError: onFail,
  });
  const changed =
    name !== product.name || family !== (product.family ?? "") || priceMinor !== product.listPriceMinor;
  const id = `product-${product.id}`;
  return (
    <form
      className="settings-row-fields"
      aria-label={`Product ${product.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (price.trim() !== "" && priceMinor === null) return;
        save.mutate({ name, family: family || null, listPriceMinor: priceMinor });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-family`}>Family</label>
        <input
          id={`${id}-family`}
          className="input"
          value={family}
          onChange={(e) => setFamily(e.target.value)}
        />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-price`}>List price ({product.currency})</label>
        <input
          id={`${id}-price`}
          className="input"
          inputMode="decimal"
          value={price}
          aria-invalid={price.trim() !== "" && priceMinor === null}
          title={
            product.listPriceMinor === null
              ? undefined
              : formatMoney(product.listPriceMinor, product.currency)
          }
          onChange={(e) => setPrice(e.target.value)}
        />
      </div>
      {product.archived ? <span className="tag">Archived</span> : null}
      <div className="settings-row-actions">
        <button type="submit" className="button button-small" disabled={!changed || save.isPending}>
          Save
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={save.isPending}
          onClick={() => save.mutate({ archived: !product.archived })}
        >
          {product.archived ? "Restore" : "Archive"}
        </button>
      </div>
    </form>
  );
}

const ratesKey = ["crm", "exchange-rates"] as const;

function RateSettings() {
  const queryClient = useQueryClient();
  const { org } = useSession();
  const rates = useQuery({
    queryKey: ratesKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ExchangeRate[] }>("/api/v1/exchange-rates", { signal })).items,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ratesKey });
    // Deals in other currencies are converted again.
    void queryClient.invalidateQueries({ queryKey: ["crm", "deals"] });
  };
  const fail = useFailure(refresh);
  const notify = useToast();
  const [currency, setCurrency] = useState("");
  const [date, setDate] = useState(todayIn(org.timeZone));
  const [rate, setRate] = useState("");
  const rateNumber = Number(rate.replace(",", "."));
  const put = useMutation({
    mutationFn: () =>
      api.put<{ items: ExchangeRate[] }>("/api/v1/exchange-rates", {
        rates: [{ currency: currency.trim().toUpperCase(), date, rate: rateNumber }],
      }),
    onSuccess: () => {
      notify(`Saved the ${currency.toUpperCase()} rate of ${formatDate(date)}`);
      setRate("");
      refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (r: ExchangeRate) => api.delete(`/api/v1/exchange-rates/${r.id}`),
    onSuccess: refresh,
    onError: fail,
  });
  const all = [...(rates.data ?? [])].sort(
    (a, b) => a.currency.localeCompare(b.currency) || b.date.localeCompare(a.date),
  );
  const valid = /^[A-Za-z]{3}$/.test(currency.trim()) && rateNumber > 0 && Boolean(date);
  return (
    <section className="card stack" aria-labelledby="settings-rates" data-testid="settings-rates">
      <div>
        <h2 id="settings-rates" className="card-title">
          Exchange rates
        </h2>
        <p className="muted small">
          Units of {org.currency} for one unit of another currency, from a date until the next dated rate. A
          deal converts at the rate dated on or before its close date.
        </p>
      </div>
      {rates.isPending ? <Loading label="Loading rates…" /> : null}
      {rates.isError ? <ErrorNotice error={rates.error} onRetry={() => void rates.refetch()} /> : null}
      {all.length === 0 && rates.isSuccess ? <p className="muted small">No rates yet.</p> : null}
      {all.length > 0 ? (
        <table className="table settings-table">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">From</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.currency}</td>
                <td>{formatDate(r.date)}</td>
                <td className="num">
                  1 {r.currency} = {r.rate} {org.currency}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    aria-label={`Delete the ${r.currency} rate of ${formatDate(r.date)}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(r)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        className="inline-form"
        aria-label="Add an exchange rate"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (valid) put.mutate();
        }}
      >
        <div className="field field-narrow">
          <label htmlFor="new-rate-currency">Currency</label>
          <input
            id="new-rate-currency"
            className="input mono"
            list="rate-currencies"
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
          <datalist id="rate-currencies">
            {COMMON_CURRENCIES.filter((c) => c !== org.currency).map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-rate-date">From</label>
          <input
            id="new-rate-date"
            className="input"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-rate-value">Rate ({org.currency})</label>
          <input
            id="new-rate-value"
            className="input"
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={!valid || put.isPending}>
          Save rate
        </button>
      </form>
    </section>
  );
}
