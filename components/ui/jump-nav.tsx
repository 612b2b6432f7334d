/**
 * The jump links of a long page with sections: they wrap on phones and stick beside the sections from lg
 * up. Each `id` names a section on the page.
 */
export function JumpNav({ label, sections }: { label: string; sections: readonly { id: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="mb-6 lg:sticky lg:top-8 lg:mb-0 lg:self-start">
      <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-0.5">
        {sections.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className="block rounded-full border border-border bg-surface px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground lg:rounded-md lg:border-0 lg:bg-transparent lg:py-2"
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
