import { deleteImportMappingOp } from "@/lib/api/imports";
import { route } from "@/lib/http";

export const DELETE = route(deleteImportMappingOp);
