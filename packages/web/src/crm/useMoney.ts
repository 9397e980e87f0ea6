// Amounts in the organisation's reporting currency, the way every sales page shows them.
import { useSession } from "../auth/session";
import { formatMoney, formatMoneyCompact } from "./money";

export function useMoney() {
  const currency = useSession().org.currency;
  return {
    currency,
    format: (amountMinor: number | null | undefined) => formatMoney(amountMinor, currency),
    compact: (amountMinor: number) => formatMoneyCompact(amountMinor, currency),
  };
}
