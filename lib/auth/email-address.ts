// The one way an email address enters Portolan (sign-in, ADMIN_EMAILS, later invitations): parsed
// strictly and normalised, so a sign-in link can only ever go to the single address that was
// validated, and one mailbox maps to one account. Deliberately narrower than RFC 5321: no quoted
// local parts ("a@b"@c.test), no comments, no lists (commas), no source routes (%, !), no domain
// literals ([1.2.3.4]), no trailing dot; the ASCII form of an internationalised domain (punycode)
// is what is stored and compared, so a look-alike domain never equals the real one. `+tags` are
// kept: a.b+x@ and a.b@ are different addresses for us, as they may be for the mail server.
import { domainToASCII } from "node:url";

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

const LOCAL_ATOM = "[a-z0-9#$&'*+/=?^_`{|}~-]+";
const LOCAL = new RegExp(`^${LOCAL_ATOM}(\\.${LOCAL_ATOM})*$`);
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ASCII_PRINTABLE = /^[\x21-\x7e]*$/;

export function normalizeEmail(input: unknown): EmailCheck {
  if (typeof input !== "string") return { ok: false, reason: "missing" };
  const trimmed = input.trim();
  if (trimmed.length === 0) return { ok: false, reason: "missing" };
  if (trimmed.length > 320) return { ok: false, reason: "too long" };
  const at = trimmed.indexOf("@");
  if (at < 0 || at !== trimmed.lastIndexOf("@")) return { ok: false, reason: "needs exactly one @" };
  const local = trimmed.slice(0, at).toLowerCase();
  const rawDomain = trimmed.slice(at + 1);
  if (!ASCII_PRINTABLE.test(local)) return { ok: false, reason: "the part before @ must be plain ASCII" };
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) return { ok: false, reason: "unsupported characters before @" };

  if (rawDomain.endsWith(".")) return { ok: false, reason: "the domain ends with a dot" };
  // domainToASCII applies IDNA (UTS #46) mapping and returns "" for anything it cannot encode.
  const domain = ASCII_PRINTABLE.test(rawDomain) ? rawDomain.toLowerCase() : domainToASCII(rawDomain);
  if (!domain || domain.length > 253) return { ok: false, reason: "invalid domain" };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { ok: false, reason: "invalid domain" };
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return { ok: false, reason: "invalid domain" };

  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: "too long" };
  return { ok: true, email };
}

/** For next-auth's `normalizeIdentifier`: the normalised address, or an exception. */
export function normalizeEmailOrThrow(input: unknown): string {
  const r = normalizeEmail(input);
  if (!r.ok) throw new Error(`Invalid email address (${r.reason})`);
  return r.email;
}
