"use client";

import { useId, useState, type DragEvent } from "react";
import { cx } from "@/components/ui/cx";
import { formatBytes } from "./bytes";

export type FileDropProps = {
  /** The accessible name of the file input, e.g. "CSV file". */
  label: string;
  /** What the zone says before a file is chosen. */
  prompt?: string;
  accept: string;
  file: File | null;
  onFile: (file: File) => void;
  hint?: string;
  disabled?: boolean;
};

/**
 * A drop zone around a real file input. The input is visually hidden but stays in the tab order and keeps
 * its label, so a keyboard opens the picker with Enter or Space and a screen reader hears "CSV file"; the
 * visible label is the button it styles, with the focus ring the input would have had.
 */
export function FileDrop({ label, prompt = "Drop a CSV file here", accept, file, onFile, hint, disabled = false }: FileDropProps) {
  const id = useId();
  const [over, setOver] = useState(false);
  // An <input type=file> keeps its own value; a new key clears it so choosing the same file again still fires.
  const [inputKey, setInputKey] = useState(0);

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  }

  return (
    <div
      onDragEnter={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={drop}
      className={cx(
        "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors",
        over ? "border-primary bg-primary/5" : "border-input",
        disabled && "opacity-60",
      )}
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        className="size-8 text-muted-foreground"
      >
        <path d="M12 15V3m0 0-4 4m4-4 4 4" />
        <path d="M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" />
      </svg>
      {file ? (
        <p className="text-sm break-all">
          <span className="font-medium">{file.name}</span> <span className="text-muted-foreground">· {formatBytes(file.size)}</span>
        </p>
      ) : (
        <p className="text-sm font-medium">{prompt}</p>
      )}
      <div className="flex flex-col items-center gap-1">
        <input
          key={inputKey}
          id={id}
          type="file"
          accept={accept}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="peer sr-only"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            setInputKey((k) => k + 1);
            if (picked) onFile(picked);
          }}
        />
        <label
          htmlFor={id}
          className={cx(
            "inline-flex h-10 cursor-pointer items-center justify-center rounded-md border border-input bg-surface px-4 text-sm font-medium text-foreground shadow-sm transition-colors hover:bg-muted",
            "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring",
            disabled && "pointer-events-none",
          )}
        >
          <span className="sr-only">{label}: </span>
          {file ? "Choose another file" : "Choose a file"}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="max-w-prose text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
