/*
 * Shared by the root layout (a Server Component) and the client-side ThemeToggle. It lives outside
 * theme-toggle.tsx on purpose: anything exported from a "use client" module reaches a Server Component
 * as a client reference, not as its value, so the layout could not inline a string exported there.
 */

export const THEME_STORAGE_KEY = "theme";

export type ThemePreference = "light" | "dark" | "system";

/**
 * Put in <head> of the root layout as `<script dangerouslySetInnerHTML={{ __html: themeScript }} />`.
 * It runs before first paint, so a dark-mode user never sees a white flash, and it keeps following the
 * system setting (and other tabs' choices) for the life of the page, signed in or not.
 * Plain ES5 and wrapped in try/catch: it runs unbundled, and blocked storage must not break the page.
 */
export const themeScript = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)},r=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");function a(){var t=null;try{t=localStorage.getItem(k)}catch(e){}r.classList.toggle("dark",t==="dark"||(t!=="light"&&m.matches))}a();m.addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k||e.key===null)a()})}catch(e){}})();`;
