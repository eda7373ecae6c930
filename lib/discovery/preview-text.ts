import { plainText } from "@/lib/markdown-export/mdast";

const MAX_DESCRIPTION = 200;

/** Plain text of spec Markdown, cut at a word boundary to fit a link preview's description. */
export function previewText(source: string | null | undefined, max = MAX_DESCRIPTION): string {
  const plain = plainText(source);
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
