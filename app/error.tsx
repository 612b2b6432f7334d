"use client";

export { FailureState as default } from "@/components/shell/failure-state";
