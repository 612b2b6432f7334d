"use client";

// The same boundary as the root one, inside the signed-in shell (the navigation stays).
export { default } from "@/app/error";
