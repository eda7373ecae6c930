"use client";
// Creates or regenerates the personal feed URL. The server action answers with the URL once; it
// lives in this component's state only (a reload loses it), with a copy button.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";

export type FeedUrlState = { atom?: string; rss?: string; json?: string; error?: string };

export function PersonalFeedForm({ action, exists }: { action: (prev: FeedUrlState, form: FormData) => Promise<FeedUrlState>; exists: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-3">
      <form action={formAction} aria-busy={pending}>
        <Button variant={exists ? "secondary" : "primary"}>{exists ? "Regenerate URL" : "Create feed URL"}</Button>
      </form>
      {state.error && (
        <Notice tone="warn" alert>
          {state.error}
        </Notice>
      )}
      {state.atom && (
        <div role="status" className="space-y-2 rounded-lg border border-ok/30 bg-ok-subtle px-4 py-3 text-sm">
          <p className="font-medium">Your feed URL: copy it into your feed reader now, it is not shown again. Anyone with it can read the feed.</p>
          <div data-copy-scope className="flex items-start gap-2">
            <code data-testid="personal-feed-url" className="block min-w-0 flex-1 break-all rounded bg-bg px-2 py-1 font-mono text-xs select-all">
              {state.atom}
            </code>
            <CopyButton what="feed URL" />
          </div>
          <p className="text-xs text-fg-muted">
            The same feed as RSS: <code className="break-all select-all">{state.rss}</code>
          </p>
          <p className="text-xs text-fg-muted">
            As JSON Feed: <code className="break-all select-all">{state.json}</code>
          </p>
        </div>
      )}
    </div>
  );
}
