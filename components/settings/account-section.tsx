import type { ReactNode } from "react";
import type { AccountView } from "@/lib/api/account-security";
import { AccountActivity } from "./account-activity";
import { AccountDelete } from "./account-delete";
import { AccountEmail } from "./account-email";
import { AccountPassword } from "./account-password";
import { AccountSessions } from "./account-sessions";

/** Settings → Account: password, email, where you are signed in (then `children`: sign out everywhere), activity, deletion. */
export function AccountSection({
  email,
  timeZone,
  view,
  children,
}: {
  email: string;
  timeZone: string;
  view: AccountView;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <AccountPassword email={email} />
      <AccountEmail email={email} mailConfigured={view.mailConfigured} />
      <AccountSessions sessions={view.sessions} timeZone={timeZone} />
      {children}
      <AccountActivity activity={view.activity} timeZone={timeZone} />
      <AccountDelete email={email} />
    </div>
  );
}
