"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

/** Reads an HTTP status off whatever the fetchers in lib/queries.ts throw (any error with a numeric `status`). */
function httpStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") {
    return error.status;
  }
  return undefined;
}

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-rendered pages hydrate fresh data; don't refetch it the moment the page becomes interactive.
        staleTime: 30_000,
        // A 4xx (not found, invalid input, signed out) gives the same answer on every try.
        retry: (failureCount, error) => {
          const status = httpStatus(error);
          if (status !== undefined && status >= 400 && status < 500) return false;
          return failureCount < 3;
        },
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  // useState, not a module-level client: on the server a shared client would leak one user's cache into another's render.
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
