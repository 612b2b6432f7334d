/**
 * Shared look of text-like form controls. Controls fill their container (`w-full`): size them with the
 * container, not with a width class on the control.
 *
 * `text-base` below `sm` keeps iOS Safari from zooming the page when a control gets focus (it zooms
 * for anything under 16px).
 */
export const controlClasses =
  "block w-full min-w-0 rounded-md border border-input bg-surface text-base text-foreground shadow-xs " +
  "transition-colors placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-offset-0 " +
  "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger " +
  "aria-invalid:focus-visible:outline-danger sm:text-sm";
