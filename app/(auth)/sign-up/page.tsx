import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await currentUser()) redirect("/overview");
  return <SignUpForm action={signUpAction} />;
}
