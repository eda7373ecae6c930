// Applies a pinned theme before first paint, so a reader who chose dark never sees a white flash.
// Kept tiny and constant: the nonce pages' CSP allows it by hash (lib/http/csp.ts).
import { THEME_SCRIPT, THEME_STORAGE_KEY } from "./theme-script-source";

export { THEME_STORAGE_KEY };

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
