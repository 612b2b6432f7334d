import crypto from "node:crypto";

const PREFIX = "sfp_";

/** 256 random bits, base64url; the first characters stay visible in the UI to tell tokens apart. */
export function mintToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
