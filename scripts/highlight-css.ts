// Writes components/ui/code-highlight.css from lib/highlight/palette.ts. Run after changing the
// themes or updating shiki: `npx tsx scripts/highlight-css.ts` (a unit test checks it is current).
import fs from "node:fs";
import { paletteCss } from "../lib/highlight/palette";

export const HIGHLIGHT_CSS = "components/ui/code-highlight.css";
fs.writeFileSync(HIGHLIGHT_CSS, paletteCss());
console.log(`wrote ${HIGHLIGHT_CSS}`);
