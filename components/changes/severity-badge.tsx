import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SEVERITY_LABEL, type Severity } from "@/lib/changes/types";

export const SEVERITY_TONE: Record<Severity, BadgeTone> = { breaking: "danger", deprecation: "warn", "non-breaking": "ok", documentation: "neutral" };

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  return (
    <Badge tone={SEVERITY_TONE[severity]}>
      {SEVERITY_LABEL[severity]}
      {count !== undefined && <span className="ml-1 tabular-nums">{count}</span>}
    </Badge>
  );
}
