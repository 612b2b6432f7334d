import { transactionSuggestions } from "@/lib/data/transactions";
import { route } from "@/lib/http";
import { suggestionsResponse } from "@/lib/schemas/transactions";

export const GET = route({}, async ({ userId }) => suggestionsResponse.parse(await transactionSuggestions(userId)));
