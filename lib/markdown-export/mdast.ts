// Markdown documents are built as mdast trees and serialised by mdast-util-to-markdown, never by
// gluing strings: the serialiser escapes whatever spec text holds (`|` in a table cell, `<script>`,
// `*`, a line starting with `#`), so text from a spec always stays text. Spec descriptions, which
// are CommonMark by definition, are parsed and cleaned the way the HTML renderer treats them
// (components/openapi/markdown.tsx): raw HTML becomes visible text, links keep only http(s),
// mailto and relative URLs, and their headings are moved below the heading they appear under.
import type {
  BlockContent,
  Code,
  Heading,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  Text,
} from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { visit } from "unist-util-visit";
import { safeUrl } from "@/lib/openapi/safe-url";

export type Block = RootContent;
export type Inline = PhrasingContent;

export const text = (value: string): Text => ({ type: "text", value });
export const code = (value: string): InlineCode => ({ type: "inlineCode", value });
export const strong = (...children: Inline[]): Inline => ({ type: "strong", children });
export const paragraph = (...children: (Inline | string)[]): Paragraph => ({
  type: "paragraph",
  children: children.map((c) => (typeof c === "string" ? text(c) : c)),
});
export const heading = (depth: number, ...children: (Inline | string)[]): Heading => ({
  type: "heading",
  depth: Math.min(6, Math.max(1, depth)) as Heading["depth"],
  children: children.map((c) => (typeof c === "string" ? text(c) : c)),
});
export const codeBlock = (value: string, lang: string | null = null): Code => ({ type: "code", lang, value });
export function link(url: string, ...children: (Inline | string)[]): Link {
  return { type: "link", url, children: children.map((c) => (typeof c === "string" ? text(c) : c)) as Link["children"] };
}
export function listItem(...children: Block[]): ListItem {
  return { type: "listItem", spread: false, children: children as ListItem["children"] };
}
export const list = (items: ListItem[], ordered = false): List => ({ type: "list", ordered, spread: false, children: items });
export const blockquote = (...children: Block[]): Block => ({ type: "blockquote", children: children as BlockContent[] });

/** Inline content on one line (a table cell or a list item's first line must not break). */
function oneLine(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.type === "break") out.push(text(" "));
    else if (n.type === "text" || n.type === "inlineCode") out.push({ ...n, value: n.value.replace(/\s*[\r\n]+\s*/g, " ") });
    else if ("children" in n) out.push({ ...n, children: oneLine(n.children as Inline[]) } as Inline);
    else out.push(n);
  }
  return out;
}

export function table(header: string[], rows: Inline[][][]): Table {
  const cell = (children: Inline[]): TableCell => ({ type: "tableCell", children: oneLine(children) });
  return {
    type: "table",
    align: header.map(() => null),
    children: [
      { type: "tableRow", children: header.map((h) => cell([text(h)])) },
      ...rows.map((r) => ({ type: "tableRow" as const, children: r.map(cell) })),
    ],
  };
}

// --- Spec text ------------------------------------------------------------------------------

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/**
 * A spec's CommonMark (+GFM) text as mdast blocks, made safe: raw HTML → literal text, unsafe
 * link/image URLs dropped (the link's text stays), headings moved below `headingBase`.
 */
export function specMarkdown(source: string | null | undefined, headingBase = 2): Block[] {
  if (!source || !source.trim()) return [];
  let tree: Root;
  try {
    tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch {
    return [paragraph(source)];
  }
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    // Replaced nodes are visited next (a link's text may itself hold raw HTML).
    const replace = (...nodes: RootContent[]) => {
      (parent.children as RootContent[]).splice(index, 1, ...nodes);
      return index;
    };
    switch (node.type) {
      case "html":
        // Block-level HTML becomes a paragraph of text, inline HTML a text node.
        return replace(FLOW_PARENTS.has(parent.type) ? paragraph(node.value) : text(node.value));
      case "link":
        if (!safeUrl(node.url)) return replace(...node.children);
        node.url = safeUrl(node.url);
        return;
      case "image":
        return safeUrl(node.url) ? void (node.url = safeUrl(node.url)) : replace(text(node.alt ?? ""));
      case "definition":
        node.url = safeUrl(node.url);
        return;
      case "heading":
        node.depth = Math.min(6, node.depth + headingBase) as Heading["depth"];
        return;
      default:
        return;
    }
  });
  return tree.children;
}

/** Spec text flattened to one paragraph's inline content (table cells, list items). */
export function specInline(source: string | null | undefined): Inline[] {
  const out: Inline[] = [];
  for (const block of specMarkdown(source)) {
    if (out.length) out.push(text(" "));
    if (block.type === "paragraph" || block.type === "heading") out.push(...block.children);
    else if (block.type === "code") out.push(code(block.value));
    else out.push(text(toString(block, { includeHtml: true })));
  }
  return oneLine(out);
}

/** Plain text of spec Markdown (for meta descriptions): no markup, whitespace collapsed. */
export function plainText(source: string | null | undefined): string {
  if (!source) return "";
  return specMarkdown(source)
    .map((b) => toString(b))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

// --- Serialising ----------------------------------------------------------------------------

export function serialize(children: Block[]): string {
  return toMarkdown({ type: "root", children } as Root, {
    bullet: "-",
    emphasis: "_",
    fences: true,
    listItemIndent: "one",
    rule: "-",
    extensions: [gfmToMarkdown({ tablePipeAlign: false, tableCellPadding: true })],
  });
}
