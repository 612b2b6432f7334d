import { z } from "zod";
import { signUpInput } from "@/lib/schemas/users";

// The account's own changes (Settings → Account) and password resets. New passwords and emails follow
// sign-up's rules; a current password is only checked for presence here and verified against its hash.

const currentPassword = z.string().min(1, "Enter your current password.").max(200, "At most 200 characters.");
const newPassword = signUpInput.shape.password;
const email = signUpInput.shape.email;

export const changePasswordInput = z.object({ currentPassword, newPassword });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const changeEmailInput = z.object({ email, password: currentPassword });
export type ChangeEmailInput = z.infer<typeof changeEmailInput>;

export const deleteAccountInput = z.object({
  password: currentPassword,
  confirm: z.string().trim().min(1, "Type your email to confirm.").max(254),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;

export const forgotPasswordInput = z.object({ email });

/** The reset link's token: 32 random bytes, base64url (43 characters). */
export const resetToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not valid.");

export const resetPasswordInput = z.object({ token: resetToken, password: newPassword });

export const sessionIdInput = z.uuid();
