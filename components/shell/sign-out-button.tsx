"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth-client";

export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className={className}
      loading={pending}
      onClick={() => {
        setPending(true);
        // On success the browser navigates away; only a failure brings us back here.
        signOut("/").catch(() => setPending(false));
      }}
    >
      Sign out
    </Button>
  );
}
