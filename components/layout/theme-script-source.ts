// The pre-paint theme script's exact text. Kept apart from the component so the nonce pages' CSP
// (lib/http/csp.ts) can allow it by hash without importing React.
export const THEME_STORAGE_KEY = "portolan-theme";

export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
