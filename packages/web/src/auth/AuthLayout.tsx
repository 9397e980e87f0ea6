// The frame of the signed-out pages: the brand, one card, and the theme switch.
import type { ReactNode } from "react";
import { Brand } from "../ui/Brand";
import { ThemeToggle } from "../ui/ThemeToggle";

export function AuthLayout({
  title,
  intro,
  children,
  wide,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="auth-page">
      <header className="auth-top">
        <Brand />
        <ThemeToggle />
      </header>
      <main id="main" className={wide ? "auth-main auth-main-wide" : "auth-main"}>
        <h1 className="auth-title">{title}</h1>
        {intro ? <div className="auth-intro">{intro}</div> : null}
        {children}
      </main>
    </div>
  );
}
