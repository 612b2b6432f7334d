import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActivityView } from "@/lib/api/account-security";
import { formatDateTime } from "@/lib/format";

const labels: Record<string, string> = {
  "sign-in": "Signed in",
  "sign-in.failed": "Failed sign-in",
  "sign-in.throttled": "Sign-in blocked after too many tries",
  "sign-out.everywhere": "Signed out everywhere",
  "password.changed": "Password changed",
  "password.reset": "Password reset",
  "email.changed": "Email changed",
  "totp.enabled": "Two-factor sign-in turned on",
  "totp.disabled": "Two-factor sign-in turned off",
  "recovery-code.used": "Recovery code used",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
};

/** The account's recent security events: what, when, from where. */
export function AccountActivity({ activity, timeZone }: { activity: ActivityView[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent activity</CardTitle>
        <CardDescription>
          Sign-ins and changes to your account, newest first. Something you did not do? Change your password.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {activity.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing yet.</p>
        ) : (
          <ul aria-label="Recent activity" className="divide-y divide-border rounded-lg border border-border">
            {activity.map((a) => (
              <li key={a.id} data-testid="activity-row" className="flex flex-col gap-0.5 px-3 py-2.5 text-sm sm:px-4">
                <p className={a.kind.endsWith("failed") || a.kind.endsWith("throttled") ? "font-medium text-danger" : "font-medium"}>
                  {labels[a.kind] ?? a.kind}
                </p>
                <p className="text-muted-foreground">
                  <time dateTime={a.at}>{formatDateTime(a.at, timeZone)}</time>
                  {a.browser ? ` · ${a.browser}` : null}
                  {a.ip && a.ip !== "unknown" ? ` · ${a.ip}` : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
