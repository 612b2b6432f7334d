import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { themeScript } from "@/components/shell/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Streamfolio", template: "%s · Streamfolio" },
  description:
    "Your income streams as a portfolio: how diversified, volatile and concentrated your income is, and what survives losing any one of them.",
  applicationName: "Streamfolio",
  // Added to an iPhone's home screen, it opens in its own window under its own name (the manifest, app/manifest.ts, does this elsewhere).
  appleWebApp: { capable: true, title: "Streamfolio", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // The browser's toolbar in the surface colour of each theme (the phone top bar's background).
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#131720" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts sets a fresh nonce per request; reading it also makes every page render per request, as a nonce needs.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Sets the theme class before the first paint, so dark mode never flashes light. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh bg-background text-foreground antialiased">{children}</body>
    </html>
  );
}
