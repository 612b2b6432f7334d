"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signOutSessionAction } from "@/app/(app)/settings/account-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import type { SessionView } from "@/lib/api/account-security";
import { formatDateTime } from "@/lib/format";

/** Where the account is signed in, this browser first and marked; any other one can be signed out. */
export function AccountSessions({ sessions, timeZone }: { sessions: SessionView[]; timeZone: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const ordered = [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];

  function signOut(session: SessionView) {
    if (pendingId) return;
    setPendingId(session.id);
    startTransition(async () => {
      const result = await signOutSessionAction(session.id).catch(() => ({ ok: false }));
      if (result.ok) {
        toast({ title: `${session.browser} signed out`, tone: "success" });
        router.refresh();
      } else {
        toast({ title: "Could not sign that browser out", description: "Check your connection and try again.", tone: "danger" });
      }
      setPendingId(null);
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Signed-in browsers</CardTitle>
        <CardDescription>
          Every browser signed in to your account now. Sign out one you do not recognise, then change your password.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul aria-label="Signed-in browsers" className="divide-y divide-border rounded-lg border border-border">
          {ordered.map((s) => (
            <li
              key={s.id}
              data-testid="session-row"
              className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4 sm:px-4"
            >
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {s.browser}
                  {s.current ? <Badge tone="success">This browser</Badge> : null}
                </p>
                <p className="text-muted-foreground">
                  {s.ip && s.ip !== "unknown" ? `${s.ip} · ` : null}
                  Signed in {formatDateTime(s.createdAt, timeZone)} · last active {formatDateTime(s.lastSeenAt, timeZone)}
                </p>
              </div>
              {s.current ? null : (
                <Button
                  size="sm"
                  variant="secondary"
                  className="self-start sm:self-center"
                  loading={pendingId === s.id}
                  disabled={pendingId !== null}
                  onClick={() => signOut(s)}
                  aria-label={`Sign out ${s.browser}, signed in ${formatDateTime(s.createdAt, timeZone)}`}
                >
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
