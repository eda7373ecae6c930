import { defaultUrlTransform } from "react-markdown";

// Links in spec text are untrusted: keep only http(s), mailto and relative URLs (else ""). Used by
// the HTML renderer (components/openapi/markdown.tsx) and the Markdown export alike.
export function safeUrl(url: string): string {
  const out = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/|\.)/i.test(out) || !/^[a-z][a-z0-9+.-]*:/i.test(out) ? out : "";
}
