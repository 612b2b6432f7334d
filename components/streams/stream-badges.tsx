import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { StreamView } from "@/lib/schemas/streams";
import { ROLE_LABELS, ROLE_TONES, STATUS_LABELS } from "./stream-labels";

export function ColorDot({ color, className }: { color: string; className?: string }) {
  return (
    <span aria-hidden="true" className={cx("inline-block size-3 shrink-0 rounded-full", className)} style={{ backgroundColor: color }} />
  );
}

export function RoleBadge({ role }: { role: StreamView["role"] }) {
  return (
    <Badge tone={ROLE_TONES[role]}>
      <span className="sr-only">Role: </span>
      {ROLE_LABELS[role]}
    </Badge>
  );
}

const STATUS_TONES = { active: "success", paused: "warning", archived: "neutral" } as const;

export function StatusBadge({ status }: { status: StreamView["status"] }) {
  return (
    <Badge tone={STATUS_TONES[status]}>
      <span className="sr-only">Status: </span>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
