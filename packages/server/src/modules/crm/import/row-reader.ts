// Reads one CSV row's mapped cells into typed values, collecting every problem (the preview shows
// them all) instead of stopping at the first.
import type { ImportOptions } from "@oars/core";
import { minorDigits } from "../money";
import {
  parseAmount,
  parseCount,
  parseDate,
  parseEnum,
  parseInstant,
  parseMinutes,
  parsePercent,
  toMinor,
  ValueError,
} from "./values";

export interface Problem {
  field: string | null;
  message: string;
}

export class RowReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly values: Map<string, string>,
    private readonly options: ImportOptions,
  ) {}

  has(field: string): boolean {
    return this.values.has(field);
  }

  /** The trimmed cell, or undefined when the column is absent or the cell empty. */
  raw(field: string): string | undefined {
    const v = this.values.get(field)?.trim();
    return v === undefined || v === "" ? undefined : v;
  }

  fail(field: string | null, message: string): null {
    this.problems.push({ field, message });
    return null;
  }

  private read<T>(field: string, required: boolean, fn: (v: string) => T): T | null {
    const v = this.raw(field);
    if (v === undefined) return required ? this.fail(field, "is required") : null;
    try {
      return fn(v);
    } catch (err) {
      if (err instanceof ValueError) return this.fail(field, err.message);
      throw err;
    }
  }

  /** One line of text unless `multiline` (notes): a line break in a name is a broken row. */
  text(field: string, opts: { required?: boolean; max?: number; multiline?: boolean } = {}): string | null {
    const max = opts.max ?? 200;
    return this.read(field, opts.required ?? false, (v) => {
      if (v.length > max) throw new ValueError(`is longer than ${max} characters`);
      if (!opts.multiline && /[\r\n]/.test(v)) throw new ValueError("contains a line break");
      return v;
    });
  }

  date(field: string, required = false): string | null {
    return this.read(field, required, (v) => parseDate(v, this.options.dateFormat));
  }

  instant(field: string, required = false): string | null {
    return this.read(field, required, (v) => parseInstant(v, this.options.dateFormat));
  }

  /** Money in minor units of `currency` (the cell's own symbol or code wins over it). */
  money(field: string, currency: string, required = false): { minor: number; currency: string } | null {
    return this.read(field, required, (v) => {
      const a = parseAmount(v, this.options.decimalSeparator);
      const cur = a.currency ?? currency;
      return { minor: toMinor(a.value, minorDigits(cur)), currency: cur };
    });
  }

  count(field: string, max?: number): number | null {
    return this.read(field, false, (v) => parseCount(v, this.options.decimalSeparator, max));
  }

  percent(field: string): number | null {
    return this.read(field, false, (v) => parsePercent(v, this.options.decimalSeparator));
  }

  minutes(field: string): number | null {
    return this.read(field, false, (v) => parseMinutes(v));
  }

  oneOf<T extends string>(field: string, synonyms: Record<string, T>, what: string): T | null {
    return this.read(field, false, (v) => parseEnum(v, synonyms, what));
  }

  currency(field: string): string | null {
    return this.read(field, false, (v) => {
      const code = v.toUpperCase();
      if (!/^[A-Z]{3}$/.test(code)) throw new ValueError(`"${v}" is not a three-letter currency code`);
      return code;
    });
  }
}
