import { CopyButton } from "@/components/ui/copy-button";

/**
 * A snippet to copy: a caption, the text and a copy button. A line wider than the box scrolls inside
 * it, so a phone never scrolls the page sideways; the copy button takes the text as it is.
 */
export function CodeBlock({ title, code, copyLabel, testId }: { title: string; code: string; copyLabel: string; testId?: string }) {
  return (
    <figure className="min-w-0 overflow-hidden rounded-lg border border-border bg-muted">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-2">
        <span className="text-xs font-medium text-muted-foreground">{title}</span>
        <CopyButton value={code} label={copyLabel} variant="ghost" className="-my-1" />
      </figcaption>
      {/* Lines stay whole (a command reads as written) and scroll inside the box on a narrow screen; the
          box takes keyboard focus so it can be scrolled without a pointer. */}
      <div role="region" aria-label={title} tabIndex={0} className="overflow-x-auto">
        <pre className="w-max min-w-full p-3 font-mono text-xs leading-5 text-foreground sm:text-[0.8125rem]">
          <code data-testid={testId}>{code}</code>
        </pre>
      </div>
    </figure>
  );
}
