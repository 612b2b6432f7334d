import { z } from "zod";
import { timestamp } from "./common";

export const createTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the token a name.")
    .max(100, "At most 100 characters.")
    .meta({ examples: ["Zapier: Etsy sales"] }),
  scope: z.enum(["read", "write"], { error: "Scope is `read` or `write`." }).meta({ description: "`read` tokens cannot change anything." }),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const tokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(["read", "write"]),
  prefix: z.string(),
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TokenView = z.output<typeof tokenResponse>;

/** The one answer that carries the secret token. */
export const createdTokenResponse = tokenResponse.extend({ token: z.string() });
