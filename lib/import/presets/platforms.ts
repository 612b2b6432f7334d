/**
 * The readers of the platforms people are paid through, for the preset registry (lib/import/presets/index.ts)
 * to list after the generic CSV. Each file names its sources at the top.
 */
import type { ImportReader } from "../types";
import { amazonAssociatesReader } from "./amazon-associates";
import { etsyReader } from "./etsy";
import { gumroadReader } from "./gumroad";
import { paypalDmyReader, paypalReader } from "./paypal";
import { shopifyReader } from "./shopify";
import { stripeReader } from "./stripe";
import { upworkReader } from "./upwork";
import { wiseReader } from "./wise";

export const PLATFORM_READERS: readonly ImportReader[] = [
  stripeReader,
  paypalReader,
  paypalDmyReader,
  gumroadReader,
  etsyReader,
  upworkReader,
  wiseReader,
  shopifyReader,
  amazonAssociatesReader,
];
