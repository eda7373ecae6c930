import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";

// Spec text is untrusted input. react-markdown builds React elements (no innerHTML), drops raw
// HTML, and the URL filter keeps only http(s), mailto and relative links.
function safeUrl(url: string): string {
  const out = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/|\.)/i.test(out) || !/^[a-z][a-z0-9+.-]*:/i.test(out) ? out : "";
}

export function Markdown({ text, className = "" }: { text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return (
    <div className={`md ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
