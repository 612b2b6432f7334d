import { problem } from "@/lib/http";

// Anything under /api/v1 that no route matches: problem+json like every other API error, not an HTML page.
function notFound() {
  return problem(404, "Not found", "No such endpoint. See /api/v1/openapi.json for the API.");
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
