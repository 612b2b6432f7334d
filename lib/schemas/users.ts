import { z } from "zod";

export const signUpInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(100, "At most 100 characters.")
    .refine((s) => !s.includes("\u0000"), "Text cannot contain the NUL character."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(254)),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "At most 200 characters."),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(200),
  /** The second factor, when the account has one: a 6-digit code or a recovery code. */
  code: z.string().trim().max(64).optional(),
  /** "true": trust this browser for 30 days (skips the second factor there). */
  remember: z.string().optional(),
});

/** GET /api/v1/me */
export const meResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  baseCurrency: z.string(),
  timeZone: z.string(),
});
export type Me = z.infer<typeof meResponse>;
