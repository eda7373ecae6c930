// A change's plain-language line: `backticked` parts become <code> (styled by `.chg code` in
// globals.css: no class per element). React escapes the rest, so names taken from a spec (a
// property called `<script>`) stay text.
export function ChangeText({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.length > 1 && p.startsWith("`") && p.endsWith("`") ? (
          <code key={i}>{p.slice(1, -1)}</code>
        ) : (
          p
        ),
      )}
    </>
  );
}
