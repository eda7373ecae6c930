import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Lifecycle } from "@/lib/specs/api-meta";

const TONE: Record<Lifecycle, BadgeTone> = { beta: "info", current: "ok", deprecated: "warn", retired: "danger" };

export function LifecycleBadge({ lifecycle, sunset }: { lifecycle: Lifecycle; sunset?: string | null }) {
  const label = lifecycle === "deprecated" && sunset ? `deprecated · sunset ${sunset}` : lifecycle;
  return <Badge tone={TONE[lifecycle]}>{label}</Badge>;
}
