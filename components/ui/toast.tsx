"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

export type ToastTone = "neutral" | "success" | "warning" | "danger" | "info";

export type ToastOptions = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** One follow-up, typically "Undo". Clicking it also dismisses the toast. */
  action?: { label: string; onClick: () => void };
  /** Defaults to 5 s, or 10 s with an action so there is time to reach it. `Infinity` keeps it until dismissed. */
  durationMs?: number;
};

type ToastRecord = ToastOptions & { id: string };

export type ToastApi = {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => string;
  dismiss: (id: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

const MAX_VISIBLE = 3;
const HOTKEY = "F8";

// Not crypto.randomUUID: it only exists in secure contexts, and a self-hosted instance may run on plain http.
let nextId = 0;

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() needs a <ToastProvider> above it (components/shell/providers.tsx).");
  return api;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastRecord[]>([]);

  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    nextId += 1;
    const id = `toast-${nextId}`;
    setToasts((current) => [...current, { ...options, id }].slice(-MAX_VISIBLE));
    return id;
  }, []);

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      <Toaster toasts={toasts} onDismiss={dismiss} />
    </ToastContext>
  );
}

function subscribeToVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

function Toaster({ toasts, onDismiss }: { toasts: ToastRecord[]; onDismiss: (id: string) => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  // Timers stop while the tab is hidden: a toast that expires unseen is a message lost.
  const pageHidden = useSyncExternalStore(
    subscribeToVisibility,
    () => document.visibilityState === "hidden",
    () => false,
  );

  // Toasts sit at the end of the page, far from the keyboard user's position; F8 jumps to the newest
  // so its action (Undo) can be reached before it expires. Same key as Radix and Adobe Spectrum.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== HOTKEY) return;
      const items = listRef.current?.querySelectorAll<HTMLElement>("[data-toast]");
      const newest = items?.[items.length - 1];
      if (!newest) return;
      event.preventDefault();
      (newest.querySelector<HTMLElement>("button") ?? newest).focus();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    // The live region is always in the DOM: screen readers only announce changes to a region they already know.
    <section
      aria-label={`Notifications (${HOTKEY})`}
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 pb-[max(1rem,env(safe-area-inset-bottom))] sm:justify-end"
    >
      <ol ref={listRef} aria-live="polite" aria-atomic="false" className="flex w-full max-w-sm flex-col gap-2">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} pageHidden={pageHidden} />
        ))}
      </ol>
    </section>
  );
}

const toneAccent: Record<ToastTone, string> = {
  neutral: "border-l-muted-foreground",
  success: "border-l-success",
  warning: "border-l-warning",
  danger: "border-l-danger",
  info: "border-l-info",
};

function ToastItem({ toast, onDismiss, pageHidden }: { toast: ToastRecord; onDismiss: (id: string) => void; pageHidden: boolean }) {
  const { id, title, description, tone = "neutral", action } = toast;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // Pausing must not restart the clock, so the time left survives across pauses.
  const remainingMs = useRef(toast.durationMs ?? (action ? 10_000 : 5_000));
  const paused = hovered || focused || pageHidden;

  useEffect(() => {
    if (paused || !Number.isFinite(remainingMs.current)) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => onDismiss(id), Math.max(0, remainingMs.current));
    return () => {
      window.clearTimeout(timer);
      remainingMs.current -= Date.now() - startedAt;
    };
  }, [paused, id, onDismiss]);

  return (
    <li
      data-toast
      tabIndex={-1}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
      className={cx(
        "pointer-events-auto flex w-full animate-toast-in items-start gap-3 rounded-lg border border-l-4 border-border bg-surface p-3 pl-4 text-foreground shadow-lg",
        toneAccent[tone],
      )}
    >
      <div className="min-w-0 flex-1 py-1">
        <p className="text-sm font-semibold break-words">{title}</p>
        {description ? <p className="mt-0.5 text-sm break-words text-muted-foreground">{description}</p> : null}
      </div>
      {action ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            action.onClick();
            onDismiss(id);
          }}
        >
          {action.label}
        </Button>
      ) : null}
      <Button variant="ghost" size="icon" aria-label="Dismiss notification" onClick={() => onDismiss(id)} className="size-8">
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          aria-hidden="true"
          className="size-4"
        >
          <path d="M18 6 6 18M6 6l12 12" />
        </svg>
      </Button>
    </li>
  );
}
