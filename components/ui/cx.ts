/**
 * Joins class names, skipping falsy parts. Deliberately not tailwind-merge: primitives avoid setting
 * layout utilities a caller would want to override (the exception, `w-full` on form controls, is
 * documented), and a caller who must win a conflict can use Tailwind's important suffix (`w-40!`).
 */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
