"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { signOut } from "@/lib/auth-client";

/** "Sign out everywhere": for a lost phone or a shared computer. API tokens are revoked separately. */
export function Sessions({ signOutEverywhere }: { signOutEverywhere: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const { toast } = useToast();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sessions</CardTitle>
        <CardDescription>
          Signed in on a device you no longer use? End every browser session at once, this one included. API tokens keep working until you
          revoke them above.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Sign out everywhere
        </Button>
      </CardContent>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setPending(true);
          try {
            await signOutEverywhere();
            await signOut("/sign-in");
          } catch {
            // The dialog stays open with its button usable again, and says what happened.
            toast({ title: "Could not sign out everywhere", description: "Check your connection and try again.", tone: "danger" });
          } finally {
            setPending(false);
          }
        }}
        pending={pending}
        title="Sign out of every device?"
        description="Every browser signed in to this account, including this one, will have to sign in again."
        confirmLabel="Sign out everywhere"
      />
    </Card>
  );
}
