import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeUrl } from "@/lib/openapi/safe-url";

// Spec text is untrusted input. react-markdown builds React elements (no innerHTML), drops raw
// HTML, and the URL filter keeps only http(s), mailto and relative links.

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
