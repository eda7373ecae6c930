/** Escapes text for an HTML text node (spec content is untrusted: this is what keeps it text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}
