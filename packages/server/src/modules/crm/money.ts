// Converting a deal's amount to the org's reporting currency at the rate dated on or before the
// close date (or the earliest rate when the deal closes before any). Minor units differ by
// currency (JPY has none, KWD three), so conversion goes through major units.
import type { Q } from "../../db/tx";
import { invalid } from "../../http/errors";

const exponents = new Map<string, number>();

/** Digits after the decimal point of a currency's minor unit (ISO 4217, via Intl). */
export function minorDigits(currency: string): number {
  let digits = exponents.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    exponents.set(currency, digits);
  }
  return digits;
}

export function convertMinor(amountMinor: number, from: string, to: string, rate: number): number {
  if (from === to) return amountMinor;
  return Math.round((amountMinor / 10 ** minorDigits(from)) * rate * 10 ** minorDigits(to));
}

/** Rates of one currency, sorted by date: imports convert many rows without a query each. */
export type RateTable = Map<string, { date: string; rate: number }[]>;

export async function loadRates(q: Q, orgId: string): Promise<RateTable> {
  const rows = await q
    .selectFrom("exchange_rates")
    .select(["currency", "rate_date", "rate"])
    .where("org_id", "=", orgId)
    .orderBy("currency")
    .orderBy("rate_date")
    .execute();
  const table: RateTable = new Map();
  for (const r of rows) {
    const list = table.get(r.currency) ?? [];
    list.push({ date: r.rate_date, rate: r.rate });
    table.set(r.currency, list);
  }
  return table;
}

/** The rate on `date` from a sorted list, or null when the currency has no rate at all. */
export function rateOn(rates: RateTable, currency: string, date: string): number | null {
  const list = rates.get(currency);
  if (!list || list.length === 0) return null;
  let chosen = list[0]?.rate ?? null;
  for (const r of list) {
    if (r.date > date) break;
    chosen = r.rate;
  }
  return chosen;
}

/** The amount in the org's currency; 400 on `field` when no rate exists for the currency. */
export async function amountInOrgCurrency(
  q: Q,
  org: { id: string; currency: string },
  amountMinor: number,
  currency: string,
  date: string,
  field = "currency",
): Promise<number> {
  if (currency === org.currency) return amountMinor;
  const row =
    (await q
      .selectFrom("exchange_rates")
      .select("rate")
      .where("org_id", "=", org.id)
      .where("currency", "=", currency)
      .where("rate_date", "<=", date)
      .orderBy("rate_date", "desc")
      .limit(1)
      .executeTakeFirst()) ??
    (await q
      .selectFrom("exchange_rates")
      .select("rate")
      .where("org_id", "=", org.id)
      .where("currency", "=", currency)
      .orderBy("rate_date")
      .limit(1)
      .executeTakeFirst());
  if (!row)
    throw invalid(field, `no exchange rate from ${currency} to ${org.currency}; an admin adds one first`);
  return convertMinor(amountMinor, currency, org.currency, row.rate);
}

/** After a rate changes, every deal in that currency is converted again, in the same transaction. */
export async function reconvertDeals(q: Q, org: { id: string; currency: string }, currency: string) {
  if (currency === org.currency) return;
  const rates = await loadRates(q, org.id);
  const deals = await q
    .selectFrom("deals")
    .select(["id", "amount_minor", "close_date", "amount_org_minor"])
    .where("org_id", "=", org.id)
    .where("currency", "=", currency)
    .execute();
  for (const d of deals) {
    const rate = rateOn(rates, currency, d.close_date);
    // Without any rate left the last conversion stands: a deal never loses its reporting amount.
    if (rate === null) continue;
    const converted = convertMinor(d.amount_minor, currency, org.currency, rate);
    if (converted !== d.amount_org_minor)
      await q.updateTable("deals").set({ amount_org_minor: converted }).where("id", "=", d.id).execute();
  }
}
