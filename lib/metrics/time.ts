import { exactRatio } from "./exact-ratio";

export function hoursFromMinutes(minutes: number): number {
  return minutes / 60;
}

/** net per hour (base minor units), from minutes so no rounded hour count enters; null without time. */
export function hourlyRate(net: number, minutes: number): number | null {
  if (minutes <= 0) return null;
  return exactRatio(BigInt(net) * 60n, BigInt(minutes));
}
