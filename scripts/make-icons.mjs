// Renders the PWA and home-screen icons from app/icon.svg with the system Chromium (playwright-core):
//   node scripts/make-icons.mjs   → public/icons/icon-{192,512}.png, icon-maskable-512.png, app/apple-icon.png
// "any" icons are the bars on a rounded white tile; the maskable one fills the square and keeps the bars
// inside the central safe zone (a circle of 80% of the width) that launchers may crop to.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const bars = fs.readFileSync(path.join(root, "app", "icon.svg"), "utf8").replace(/^<svg[^>]*>|<\/svg>$/g, "");

/** The bars (drawn on a 24-unit grid) scaled to `scale` of the canvas, centred, on a white tile. */
function icon(size, { scale, radius }) {
  const inner = size * scale;
  const offset = (size - inner) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${size * radius}" fill="#ffffff"/>
  <svg x="${offset}" y="${offset}" width="${inner}" height="${inner}" viewBox="0 0 24 24">${bars}</svg>
</svg>`;
}

const outputs = [
  { file: "public/icons/icon-192.png", size: 192, scale: 0.8, radius: 0.22 },
  { file: "public/icons/icon-512.png", size: 512, scale: 0.8, radius: 0.22 },
  { file: "public/icons/icon-maskable-512.png", size: 512, scale: 0.62, radius: 0 },
  // iOS draws its own rounded corners and shows transparency as black: a full white square.
  { file: "app/apple-icon.png", size: 180, scale: 0.72, radius: 0 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const o of outputs) {
  const page = await browser.newPage({ viewport: { width: o.size, height: o.size } });
  await page.setContent(`<body style="margin:0">${icon(o.size, o)}</body>`);
  await page.screenshot({ path: path.join(root, o.file), omitBackground: true, clip: { x: 0, y: 0, width: o.size, height: o.size } });
  await page.close();
  console.log(o.file, fs.statSync(path.join(root, o.file)).size, "bytes");
}
await browser.close();
