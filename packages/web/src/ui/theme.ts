// The colour theme: the system's choice unless the person picked light or dark, remembered per browser.
import { useCallback, useState } from "react";

export type ThemeChoice = "system" | "light" | "dark";
const STORAGE_KEY = "oars.theme";

function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };

export function useTheme(): { theme: ThemeChoice; cycleTheme: () => void } {
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  const cycleTheme = useCallback(() => {
    setTheme((current) => {
      const next = NEXT[current];
      applyTheme(next);
      return next;
    });
  }, []);
  return { theme, cycleTheme };
}

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: "System theme",
  light: "Light theme",
  dark: "Dark theme",
};
