// Code samples of an operation (curl, JavaScript, Python, Go), highlighted on the server, in
// tabs with a copy button. Every sample is in the HTML: without JavaScript they show one after
// another; with it the tabs (a small client component) show one at a time.
import { Code } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import type { CodeLang } from "@/lib/highlight";

export interface SampleTab {
  id: string;
  label: string;
  code: string;
}

const LANG: Record<string, CodeLang> = { curl: "shell", shell: "shell", javascript: "javascript", node: "javascript", python: "python", go: "go" };

export function CodeSamples({ samples, title = "Request" }: { samples: SampleTab[]; title?: string }) {
  return (
    <section data-copy-scope aria-label={`${title} samples`} className="relative overflow-hidden rounded-lg border border-border bg-bg-subtle">
      <Tabs label={`${title} language`} tabs={samples.map((s) => s.label)} className="border-b border-border px-2 pr-20 pt-2">
        {samples.map((s) => (
          <Code key={s.id} code={s.code} lang={LANG[s.id] ?? "text"} className="p-4" />
        ))}
      </Tabs>
      <CopyButton what="code sample" className="absolute right-2 top-2" />
    </section>
  );
}
