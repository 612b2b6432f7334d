"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

export type CopyButtonProps = {
  /** The text put on the clipboard. */
  value: string;
  /** Button text; make it specific when several copy buttons share a page ("Copy token"). */
  label?: string;
  copiedLabel?: string;
  variant?: ButtonVariant;
  size?: Exclude<ButtonSize, "icon">;
  className?: string;
};

type Status = "idle" | "copied" | "failed";

/**
 * navigator.clipboard only exists in secure contexts (https or localhost). A self-hosted instance
 * reached over plain http on a LAN has none, so fall back to the old selection-based copy there.
 */
async function writeToClipboard(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.append(textarea);
  textarea.select();
  try {
    // Deprecated but still the only option outside a secure context.
    if (!document.execCommand("copy")) throw new Error("Copy command was refused");
  } finally {
    textarea.remove();
  }
}

export function CopyButton({
  value,
  label = "Copy",
  copiedLabel = "Copied",
  variant = "secondary",
  size = "sm",
  className,
}: CopyButtonProps) {
  const [status, setStatus] = useState<Status>("idle");

  useEffect(() => {
    if (status === "idle") return;
    const timer = window.setTimeout(() => setStatus("idle"), 2000);
    return () => window.clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await writeToClipboard(value);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }

  return (
    <>
      <Button variant={variant} size={size} className={className} onClick={() => void copy()}>
        {status === "copied" ? (
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            className="size-4"
          >
            <path d="m5 12 5 5L20 7" />
          </svg>
        ) : (
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            className="size-4"
          >
            <rect x="9" y="9" width="12" height="12" rx="2" />
            <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
          </svg>
        )}
        {status === "copied" ? copiedLabel : status === "failed" ? "Copy failed" : label}
      </Button>
      {/* A changed button label is not announced; this is. */}
      <span role="status" className="sr-only">
        {status === "copied" ? "Copied to clipboard" : status === "failed" ? "Could not copy. Select the text and copy it manually." : ""}
      </span>
    </>
  );
}
