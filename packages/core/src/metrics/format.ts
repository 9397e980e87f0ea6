// Writing a metric's value in words for findings and status reasons. Fixed to English number
// formatting so a message is the same on every server, whatever its locale.
import type { MetricUnit } from "./catalogue";

export interface ValueFormat {
  /** ISO 4217 code of a money value; without one, money is shown with two decimals. */
  currency?: string;
  /** A count's noun ("meetings", "training modules completed"); without one, a bare number. */
  unitLabel?: string;
}

function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

function plain(value: number, maxDecimals: number): string {
  return value.toLocaleString("en", { maximumFractionDigits: maxDecimals });
}

/** Money values are integer minor units; they are shown in major units ("EUR 1,250.00"). */
export function formatMetricValue(value: number, unit: MetricUnit, format: ValueFormat = {}): string {
  switch (unit) {
    case "money": {
      const digits = format.currency ? minorDigits(format.currency) : 2;
      const major = (value / 10 ** digits).toLocaleString("en", {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      return format.currency ? `${format.currency} ${major}` : major;
    }
    case "percent":
      return `${plain(value, 1)}%`;
    case "days":
      return `${plain(value, 1)} days`;
    case "count":
      return format.unitLabel ? `${plain(value, 1)} ${format.unitLabel}` : plain(value, 1);
  }
}
