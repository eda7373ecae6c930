import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_TONE: Record<string, BadgeTone> = { draft: "neutral", scheduled: "info", published: "ok", withdrawn: "danger" };
