import { deleteImportOp } from "@/lib/api/imports";
import { route } from "@/lib/http";

export const DELETE = route(deleteImportOp);
