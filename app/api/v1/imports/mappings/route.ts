import { createImportMappingOp, listImportMappingsOp } from "@/lib/api/imports";
import { route } from "@/lib/http";

export const GET = route(listImportMappingsOp);
export const POST = route(createImportMappingOp);
