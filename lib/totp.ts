import "server-only";
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import qrcode from "qrcode-generator";
import { claimTotpStep, consumeRecoveryCode, isRememberedDevice } from "@/lib/data/two-factor";

/*
 * Two-factor sign-in: RFC 6238 time-based codes (SHA-1, 6 digits, 30 s, what every authenticator app
 * reads), one-use recovery codes, and "trust this browser" tokens. Everything here runs on the server:
 * the QR code is drawn as SVG here, so neither library ships to the browser.
 */
const ISSUER = "Streamfolio";
const PERIOD = 30;

function totp(secretBase32: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit secret, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The URI as an SVG QR code, as a data: URL for an <img> (no markup of ours is injected into the page). */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const svg = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The secret grouped in fours, for typing into an app by hand. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Checks a 6-digit code against the secret, allowing one step of clock drift either way, and claims its
 * time step in the database: a code accepted once (or an older one) is refused afterwards, by every
 * process (RFC 6238 §5.2). `now` is for tests.
 */
export async function verifyTotp(userId: string, secretBase32: string, code: string, now = Date.now()): Promise<boolean> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const delta = totp(secretBase32).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return false;
  return claimTotpStep(userId, Math.floor(now / 1000 / PERIOD) + delta);
}

// Crockford's base32: no I, L, O or U, so a code copied by hand reads back the same.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Ten recovery codes, `xxxxx-xxxxx`, 50 random bits each. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % 32]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed (any case, spaces, dashes, O for 0, I or L for 1) → its canonical form, or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return /^[0-9a-hjkmnp-tv-z]{10}$/.test(s) ? s : null;
}

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

/** The stored form of a recovery code. */
export const recoveryCodeHash = (code: string) => sha256(normalizeRecoveryCode(code) ?? "");

/** A trusted-browser token: 256 random bits, base64url; only its SHA-256 is stored. */
export const newDeviceToken = () => crypto.randomBytes(32).toString("base64url");

export const REMEMBER_DAYS = 30;

/**
 * A second factor as typed at sign-in or in Settings: six digits are a TOTP code, anything else is tried
 * as a recovery code (used up when it matches). Null when it is neither.
 */
export async function checkSecondFactor(userId: string, secretBase32: string, input: string): Promise<"totp" | "recovery" | null> {
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(input)) return (await verifyTotp(userId, secretBase32, input)) ? "totp" : null;
  const code = normalizeRecoveryCode(input);
  return code && (await consumeRecoveryCode(userId, sha256(code))) ? "recovery" : null;
}

/*
 * The trusted-browser cookie: httpOnly, SameSite=Lax, 30 days; __Host- and Secure over https (the same
 * rule next-auth uses for its own cookies).
 */
const DEVICE_COOKIE = "streamfolio.trusted-browser";

type HeaderBag = Headers | Record<string, unknown> | undefined;
const header = (h: HeaderBag, name: string) => {
  const v = h instanceof Headers ? h.get(name) : h?.[name];
  return typeof v === "string" ? v : null;
};

function secureRequest(headers: HeaderBag): boolean {
  return process.env.NEXTAUTH_URL ? process.env.NEXTAUTH_URL.startsWith("https://") : header(headers, "x-forwarded-proto") === "https";
}

/** The Set-Cookie value that makes this browser trusted with `token`. */
export function deviceCookie(token: string, headers: HeaderBag): string {
  const secure = secureRequest(headers);
  const name = secure ? `__Host-${DEVICE_COOKIE}` : DEVICE_COOKIE;
  return `${name}=${token}; Path=/; Max-Age=${REMEMBER_DAYS * 86_400}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Whether the request carries a trusted-browser token of this user's that has not expired. */
export async function isTrustedBrowser(userId: string, headers: HeaderBag): Promise<boolean> {
  const cookie = header(headers, "cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if ((name === DEVICE_COOKIE || name === `__Host-${DEVICE_COOKIE}`) && value && /^[A-Za-z0-9_-]{43}$/.test(value)) {
      if (await isRememberedDevice(userId, sha256(value))) return true;
    }
  }
  return false;
}
