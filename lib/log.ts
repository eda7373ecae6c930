// Structured JSON logs (pino). Secrets never belong in a log line: the redact list is a second
// line of defence for fields that should not have been logged in the first place.
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "portolan" },
  redact: {
    paths: [
      "password",
      "token",
      "secret",
      "key",
      "apiKey",
      "authorization",
      "cookie",
      "*.password",
      "*.token",
      "*.secret",
      "*.apiKey",
      "*.authorization",
      "*.cookie",
      "databaseUrl",
      "*.databaseUrl",
    ],
    censor: "[redacted]",
  },
});

/** A database URL with its password removed, safe to log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "[unparseable url]";
  }
}
