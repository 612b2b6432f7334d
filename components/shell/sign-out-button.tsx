"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

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
        signOut({ callbackUrl: "/" }).catch(() => setPending(false));
      }}
    >
      Sign out
    </Button>
  );
}
