// Syntax highlighting on the server: shiki's core with only the six languages the reference
// shows and GitHub's light and dark themes, on the JavaScript regex engine (no WebAssembly to
// load or bundle). One highlighter per process, created on first use; results are cached.
// Nothing here may reach a client bundle ("server-only").
import "server-only";
import go from "@shikijs/langs/go";
import javascript from "@shikijs/langs/javascript";
import json from "@shikijs/langs/json";
import python from "@shikijs/langs/python";
import shellscript from "@shikijs/langs/shellscript";
import yaml from "@shikijs/langs/yaml";
import { createHighlighterCoreSync, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { CLASS_BY_KEY, DARK_THEME, LIGHT_THEME, swatchKey } from "./palette";
import { escapeHtml } from "./escape";

export type CodeLang = "shell" | "javascript" | "python" | "go" | "json" | "yaml" | "text";

const GRAMMAR: Record<Exclude<CodeLang, "text">, string> = {
  shell: "shellscript",
  javascript: "javascript",
  python: "python",
  go: "go",
  json: "json",
  yaml: "yaml",
};

/** Above this many characters code is shown as plain text: the HTML stays small and the render fast. */
export const MAX_HIGHLIGHT_CHARS = 12_000;
/** Lines longer than this (minified JSON, base64) are left plain by the tokenizer. */
const MAX_LINE_CHARS = 2_000;

let highlighter: HighlighterCore | undefined;

function getHighlighter(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [LIGHT_THEME, DARK_THEME],
    langs: [shellscript, javascript, python, go, json, yaml],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

// Highlighted HTML by language + code, bounded by total size. Pages are rendered per request and
// show the same samples again and again.
const CACHE_LIMIT_CHARS = 8_000_000;
const cache = new Map<string, string>();
let cachedChars = 0;

function remember(key: string, html: string): string {
  cache.set(key, html);
  cachedChars += key.length + html.length;
  for (const [k, v] of cache) {
    if (cachedChars <= CACHE_LIMIT_CHARS) break;
    cache.delete(k);
    cachedChars -= k.length + v.length;
  }
  return html;
}

/**
 * The inner HTML of a `<code>` element: escaped text with `<span class="cN">` around tokens
 * that are not the default colour (classes from `./palette`, styles in
 * `components/ui/code-highlight.css`). Plain escaped text for "text", for code above
 * MAX_HIGHLIGHT_CHARS, and if highlighting fails for any reason.
 */
export function highlightToHtml(code: string, lang: CodeLang): string {
  if (lang === "text" || code.length > MAX_HIGHLIGHT_CHARS) return escapeHtml(code);
  const key = `${lang}\0${code}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Refresh recency.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  try {
    const lines = getHighlighter().codeToTokensWithThemes(code, {
      lang: GRAMMAR[lang],
      themes: { light: LIGHT_THEME.name!, dark: DARK_THEME.name! },
      tokenizeMaxLineLength: MAX_LINE_CHARS,
    });
    return remember(key, lines.map(renderLine).join("\n"));
  } catch {
    return escapeHtml(code);
  }
}

type Token = { content: string; variants: Record<string, { color?: string; fontStyle?: number }> };

function renderLine(tokens: Token[]): string {
  let html = "";
  let openClass: string | null = null;
  let run = "";
  const flush = () => {
    if (run) html += openClass ? `<span class="${openClass}">${escapeHtml(run)}</span>` : escapeHtml(run);
    run = "";
  };
  for (const t of tokens) {
    const l = t.variants.light;
    const d = t.variants.dark;
    // Whitespace looks the same in every colour: keep it in the current run.
    const cls: string | null = /^\s*$/.test(t.content) ? openClass : (CLASS_BY_KEY.get(swatchKey(l?.color, d?.color, l?.fontStyle ?? 0)) ?? null);
    if (cls !== openClass) {
      flush();
      openClass = cls;
    }
    run += t.content;
  }
  flush();
  return html;
}
