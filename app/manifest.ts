import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest, linked from every page): Streamfolio installs to a phone's
 * home screen and opens on the overview in its own window. Icons are rendered from app/icon.svg by
 * scripts/make-icons.mjs; the address bar colours per theme are the root layout's `themeColor`.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Streamfolio",
    short_name: "Streamfolio",
    description: "Your income streams as a portfolio: how diversified, volatile and concentrated your income is.",
    start_url: "/overview",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f6f7f9",
    theme_color: "#ffffff",
    categories: ["finance", "business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
