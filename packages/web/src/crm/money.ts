// Money on screen: integer minor units (cents) in a currency, formatted for the reader's locale
// with the currency's own number of decimals (JPY has none, BHD three).
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact ? "c" : "f"}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: "currency",
        currency,
        ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
      });
    } catch {
      // An unknown code still reads as a number with its code.
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    }
    formats.set(key, format);
  }
  return format;
}

/** How many decimals the currency's minor unit has: 2 for USD, 0 for JPY. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

function major(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

/** 1234567 cents in USD → "$12,345.67". */
export function formatMoney(amountMinor: number | null | undefined, currency: string): string {
  if (amountMinor === null || amountMinor === undefined) return "—";
  const format = currencyFormat(currency, false);
  const text = format.format(major(amountMinor, currency));
  return format.resolvedOptions().style === "currency" ? text : `${text} ${currency}`;
}

/** Column totals: "$1.2M". */
export function formatMoneyCompact(amountMinor: number, currency: string): string {
  const format = currencyFormat(currency, true);
  const text = format.format(major(amountMinor, currency));
  return format.resolvedOptions().style === "currency" ? text : `${text} ${currency}`;
}

/**
 * What a person typed ("12,500", "12500.50", "$ 1 200") → minor units, or null when it is not an
 * amount. The decimal separator is the last "." or "," followed by at most the currency's digits.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[^\d.,-]/g, "");
  if (cleaned === "" || cleaned.includes("-")) return null;
  const lastSep = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const tail = lastSep >= 0 ? cleaned.slice(lastSep + 1) : "";
  const isDecimal = lastSep >= 0 && tail.length > 0 && tail.length <= digits && tail.length !== 3;
  const whole = (isDecimal ? cleaned.slice(0, lastSep) : cleaned).replace(/[.,]/g, "");
  const fraction = isDecimal ? tail.padEnd(digits, "0") : "0".repeat(digits);
  if (whole === "" && !isDecimal) return null;
  const value = Number(`${whole || "0"}${fraction}`);
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units → the plain number a person edits ("12500.5"). */
export function moneyInput(amountMinor: number, currency: string): string {
  return String(major(amountMinor, currency));
}
