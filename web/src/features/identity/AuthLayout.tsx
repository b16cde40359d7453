import type { ReactNode } from "react";

/** One task per page: a centred card, with optional help underneath. */
export function AuthLayout({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="auth-layout">
      <div className="auth-card">{children}</div>
      {aside ? <div className="auth-aside">{aside}</div> : null}
    </div>
  );
}
