// Why an address gets no more mail, in words for its owner and for admins.
const TEXT: Record<string, string> = {
  "hard-bounce": "the receiving mail server refused it as undeliverable",
  "soft-bounce": "the receiving mail server kept refusing it for the time being",
  complaint: "a message to it was reported as spam",
};

export function suppressionReason(reason: string): string {
  return TEXT[reason] ?? "the mail server refused it";
}
