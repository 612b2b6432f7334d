import { getSettings, updateSettings } from "@/lib/data/settings";
import { route } from "@/lib/http";
import { settingsResponse, updateSettingsInput } from "@/lib/schemas/settings";

export const GET = route({}, async ({ userId }) => settingsResponse.parse(await getSettings(userId)));

export const PATCH = route({ access: "write", body: updateSettingsInput }, async ({ userId, body }) =>
  settingsResponse.parse(await updateSettings(userId, body)),
);
