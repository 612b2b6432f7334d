import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { readBodyText, toProblem } from "@/lib/http";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** Sign-in and sign-out forms are a few hundred bytes; anything past this is refused while it streams in. */
const MAX_AUTH_BODY = 16 * 1024;

async function handler(req: Request, ctx: Ctx) {
  let request = req;
  if (req.method === "POST") {
    try {
      const body = await readBodyText(req, MAX_AUTH_BODY);
      request = new NextRequest(req.url, { method: "POST", headers: req.headers, body });
    } catch (err) {
      return toProblem(err);
    }
  }
  return NextAuth(request as never, ctx as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
