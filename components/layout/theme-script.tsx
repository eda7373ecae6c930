// Applies a pinned theme before first paint, so a reader who chose dark never sees a white flash.
// Kept tiny and constant: a later CSP allows it by hash.
export const THEME_STORAGE_KEY = "portolan-theme";

const script = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
