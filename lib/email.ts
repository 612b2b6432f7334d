import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

/**
 * Mail, when SMTP is set up (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465, and EMAIL_FROM);
 * without it the app never tries to send, and nothing else depends on mail.
 */
export const emailConfigured = () => Boolean(process.env.SMTP_URL);

let cached: { url: string; transport: Transporter } | null = null;

function transport(): Transporter {
  const url = process.env.SMTP_URL!;
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

export async function sendMail(message: { to: string; subject: string; text: string }) {
  await transport().sendMail({ from: process.env.EMAIL_FROM ?? "Streamfolio <streamfolio@localhost>", ...message });
}
