// Reading the values CRM exports write: dates in ISO, US or European order (by explicit choice,
// never guessed), amounts with thousands separators and currency symbols, counts, and the many
// spellings of an enum ("Decision Maker", "decision_maker", "DECISIONMAKER").
import type { DateFormat } from "@oars/core";

export class ValueError extends Error {}

/** A cell longer than this is refused: no CRM field needs it, and it keeps rows small. */
export const MAX_CELL = 10_000;

const pad = (n: number) => String(n).padStart(2, "0");

function realDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : `${y}-${pad(m)}-${pad(d)}`;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;

export interface ParsedDateTime {
  date: string;
  /** HH:MM:SS when the cell had a time, else null. */
  time: string | null;
  zone: string | null;
}

export function parseDateTime(text: string, format: DateFormat): ParsedDateTime {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) {
    const date = realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!date) throw new ValueError(`"${t}" is not a real day`);
    const time = iso[4] === undefined ? null : `${pad(Number(iso[4]))}:${iso[5] ?? "00"}:${iso[6] ?? "00"}`;
    return { date, time, zone: iso[7] ?? null };
  }
  const s = SLASHED.exec(t);
  if (!s || format === "iso")
    throw new ValueError(
      `"${t}" is not a date${format === "iso" ? " in YYYY-MM-DD form (choose US or European order for others)" : ""}`,
    );
  const [a, b] = [Number(s[1]), Number(s[2])];
  let year = Number(s[3]);
  if (year < 100) year += year < 70 ? 2000 : 1900;
  const date = format === "us" ? realDay(year, a, b) : realDay(year, b, a);
  if (!date)
    throw new ValueError(
      `"${t}" is not a real day in ${format === "us" ? "US (month/day)" : "European (day/month)"} order`,
    );
  let time: string | null = null;
  if (s[4] !== undefined) {
    let hour = Number(s[4]);
    const ampm = s[7]?.toLowerCase();
    if (ampm === "pm" && hour < 12) hour += 12;
    if (ampm === "am" && hour === 12) hour = 0;
    time = `${pad(hour)}:${s[5] ?? "00"}:${s[6] ?? "00"}`;
  }
  return { date, time, zone: null };
}

export const parseDate = (text: string, format: DateFormat) => parseDateTime(text, format).date;

/** An instant; a cell without a zone is read as UTC, a bare date as midnight UTC. */
export function parseInstant(text: string, format: DateFormat): string {
  const p = parseDateTime(text, format);
  const zone =
    p.zone === null || p.zone.toUpperCase() === "Z" ? "Z" : p.zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const at = new Date(`${p.date}T${p.time ?? "00:00:00"}${zone}`);
  if (Number.isNaN(at.getTime())) throw new ValueError(`"${text}" is not a date and time`);
  return at.toISOString();
}

const SYMBOLS: Record<string, string> = {
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "₩": "KRW",
  "₽": "RUB",
  "₺": "TRY",
  "₪": "ILS",
  "₫": "VND",
  "₱": "PHP",
  "฿": "THB",
  "₣": "CHF",
};

/** "$1,234.50", "1.234,50 €", "EUR 1 234,50" → the major-unit number and the currency if named. */
export function parseAmount(text: string, decimal: "." | ","): { value: number; currency: string | null } {
  const raw = text.trim();
  let currency = /(?:^|[^A-Z])([A-Z]{3})(?:$|[^A-Z])/.exec(raw)?.[1] ?? null;
  if (currency === null)
    for (const [symbol, iso] of Object.entries(SYMBOLS))
      if (raw.includes(symbol)) {
        currency = iso;
        break;
      }
  // Letters, symbols, spaces (also the narrow no-break kind) and apostrophes are decoration.
  let t = raw.replace(/[^\d.,()-]/g, "");
  if (/^\(.*\)$/.test(t) || t.startsWith("-")) throw new ValueError(`"${text}" is negative`);
  t = t.replace(decimal === "." ? /,/g : /\./g, "");
  if (decimal === ",") t = t.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) throw new ValueError(`"${text}" is not an amount`);
  return { value: Number(t), currency };
}

export function toMinor(value: number, digits: number): number {
  const minor = Math.round(value * 10 ** digits);
  if (!Number.isSafeInteger(minor)) throw new ValueError("is too large");
  return minor;
}

export function parseCount(text: string, decimal: "." | ",", max = 10_000_000): number {
  const { value } = parseAmount(text, decimal);
  if (!Number.isInteger(value) || value > max)
    throw new ValueError(`"${text}" is not a whole number up to ${max}`);
  return value;
}

/** "45%", "0.45" and "45" all read as 45 percent. */
export function parsePercent(text: string, decimal: "." | ","): number {
  const { value } = parseAmount(text.replace("%", ""), decimal);
  const percent = value <= 1 && text.includes(".") && !text.includes("%") ? value * 100 : value;
  if (percent > 100) throw new ValueError(`"${text}" is more than 100%`);
  return Math.round(percent);
}

/** Minutes from "45", "1:30" (h:mm), "01:30:00" or "90 min". */
export function parseMinutes(text: string): number {
  const t = text.trim().toLowerCase();
  const hms = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  const minutes = hms
    ? Number(hms[1]) * 60 + Number(hms[2]) + Math.round(Number(hms[3] ?? 0) / 60)
    : Number(t.replace(/\s*(min|mins|minutes|m)$/, ""));
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)
    throw new ValueError(`"${text}" is not a duration in minutes`);
  return minutes;
}

/** Lower-case letters and digits only: how enum spellings and headers are compared. */
export const squash = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

export function parseEnum<T extends string>(text: string, synonyms: Record<string, T>, what: string): T {
  const hit = synonyms[squash(text)];
  if (hit === undefined) throw new ValueError(`"${text}" is not a known ${what}`);
  return hit;
}
