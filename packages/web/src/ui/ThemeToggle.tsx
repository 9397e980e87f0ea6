// One button that cycles system → light → dark, saying which theme is on and which comes next.
import { THEME_LABELS, useTheme } from "./theme";
import type { ThemeChoice } from "./theme";

const ICONS: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

export function ThemeToggle({ showLabel = false }: { showLabel?: boolean }) {
  const { theme, cycleTheme } = useTheme();
  return (
    <button
      type="button"
      className={showLabel ? "nav-item theme-toggle" : "icon-button theme-toggle"}
      onClick={cycleTheme}
      aria-label={`${THEME_LABELS[theme]}; switch theme`}
      title={`${THEME_LABELS[theme]} (click to switch)`}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true" className="nav-icon">
        {ICONS[theme]}
      </span>
      {showLabel ? <span>{THEME_LABELS[theme]}</span> : null}
    </button>
  );
}
