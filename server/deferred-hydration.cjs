// @ts-check
// Cached docs pages load Next's JavaScript after their first paint.
//
// Why: an App Router page names its framework chunks as `<script src async>` in the <head>. On a
// cold load they arrive while the (large) reference HTML is still being parsed and run first:
// React hydrates the whole page before the browser paints anything, so the operation a reader
// came for appears only after ~140 KB of compressed JavaScript has run. The page is complete
// server-rendered HTML (readable without JavaScript), so nothing needs that JavaScript before the
// first paint: the copy buttons, tabs, Try it and the search dialog hydrate a frame later.
// Measured with `npm run bench` (README, Benchmarks): see docs/STATE.md, issue 4.
//
// How: the `<script src="…" async="">` tags and script preloads are taken out and one inline
// loader at the end of <body> adds the same scripts after the first frame has been painted
// (requestAnimationFrame, then a task), or after 500 ms when the page is not being painted (a
// background tab). The inline RSC payload (`self.__next_f.push(…)`) stays where it is; Next's
// runtime reads it whenever it starts. When Next's markup is not what this expects, the page
// is left exactly as rendered (still correct, only not faster).

const ASYNC_SCRIPT = /<script src="(\/_next\/static\/[^"]+\.js)" async=""><\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*\/>/g;
const MARKER = "data-deferred-hydration";

/**
 * @param {string} html a rendered page
 * @returns {string} the page with its framework scripts loaded after the first paint
 */
function deferHydration(html) {
  if (html.includes(MARKER)) return html;
  const bodyEnd = html.lastIndexOf("</body>");
  if (bodyEnd < 0) return html;
  /** @type {string[]} */
  const sources = [];
  const stripped = html.replace(ASYNC_SCRIPT, (_tag, src) => {
    sources.push(src);
    return "";
  });
  if (sources.length === 0) return html;
  const withoutPreloads = stripped.replace(SCRIPT_PRELOAD, "");
  const loader =
    `<script ${MARKER}="">(function(s){var d=0;function l(){if(d)return;d=1;` +
    `s.forEach(function(u){var e=document.createElement("script");e.src=u;e.async=true;document.body.appendChild(e)})}` +
    `requestAnimationFrame(function(){setTimeout(l,0)});setTimeout(l,500)})(${JSON.stringify(sources).replace(/</g, "\\u003c")})</script>`;
  const end = withoutPreloads.lastIndexOf("</body>");
  return withoutPreloads.slice(0, end) + loader + withoutPreloads.slice(end);
}

module.exports = { deferHydration };
