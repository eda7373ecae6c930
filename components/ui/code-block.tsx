// A block of code, syntax-highlighted on the server (no highlighter reaches the browser), with a
// copy button. Readable without JavaScript; the colours follow the page's light/dark theme.
import { highlightToHtml, type CodeLang } from "@/lib/highlight";
import { CopyButton } from "./copy-button";
import "./code-highlight.css";

export function Code({ code, lang, className = "p-3" }: { code: string; lang: CodeLang; className?: string }) {
  // tabIndex: a scrollable region must be reachable by keyboard.
  return (
    <pre tabIndex={0} className={`hl overflow-auto text-xs leading-relaxed ${className}`}>
      {/* highlightToHtml escapes every character of the code; the only tags are its own spans. */}
      <code dangerouslySetInnerHTML={{ __html: highlightToHtml(code, lang) }} />
    </pre>
  );
}

/** A titled, collapsible code block (examples). The copy button sits in the title row. */
export function CodeBlock({ code, lang, title, open = true, what = "example" }: { code: string; lang: CodeLang; title: string; open?: boolean; what?: string }) {
  return (
    <div data-copy-scope className="relative rounded-md border border-border bg-bg-subtle">
      <details open={open}>
        <summary className="cursor-pointer py-1.5 pl-3 pr-20 text-xs font-medium text-fg-muted">{title}</summary>
        <Code code={code} lang={lang} className="max-h-96 border-t border-border p-3" />
      </details>
      <CopyButton what={what} className="absolute right-1.5 top-1" />
    </div>
  );
}
