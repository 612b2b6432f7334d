"use client";

import { useId, useSyncExternalStore } from "react";
import { cx } from "@/components/ui/cx";
import { THEME_STORAGE_KEY, type ThemePreference } from "@/components/shell/theme-script";

// Same-tab changes: the `storage` event only fires in other tabs.
const CHANGE_EVENT = "streamfolio:theme";

function readPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Mirrors themeScript's rule; the script keeps applying it on later system changes. */
function setPreference(preference: ThemePreference) {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage blocked (private mode, policy): the choice still applies to this page.
  }
  const dark = preference === "dark" || (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

// Text only: three icon+label segments do not fit the sidebar's width without squeezing.
const options: ReadonlyArray<{ value: ThemePreference; label: string }> = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

/**
 * Light / Dark / System as a native radio group: arrow keys, one tab stop and the checked state come
 * from the browser. The server renders "System" (it cannot read localStorage); the stored choice
 * appears right after hydration without a mismatch, because useSyncExternalStore uses the server
 * snapshot while hydrating.
 */
export function ThemeToggle({ className }: { className?: string }) {
  const name = useId();
  const preference = useSyncExternalStore(subscribe, readPreference, () => "system" as const);

  return (
    <fieldset className={cx("min-w-0", className)}>
      <legend className="sr-only">Theme</legend>
      <div className="grid grid-cols-3 gap-1 rounded-lg bg-muted p-1">
        {options.map((option) => (
          <label
            key={option.value}
            className={cx(
              "relative flex cursor-pointer items-center justify-center rounded-md px-1 py-1.5 text-xs font-medium text-muted-foreground transition-colors hover:text-foreground",
              "has-checked:bg-surface has-checked:text-foreground has-checked:shadow-xs has-checked:ring-1 has-checked:ring-border",
              "has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-ring",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={preference === option.value}
              onChange={() => setPreference(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
