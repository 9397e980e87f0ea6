// Outgoing email, only when OARS_SMTP_URL is set; otherwise Oars shows links to the admin instead.
import nodemailer from "nodemailer";
import type { Config } from "./config";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(config: Pick<Config, "smtpUrl" | "smtpFrom">): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.smtpFrom, ...mail });
    },
  };
}
