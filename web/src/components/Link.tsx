import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, Ref } from "react";
import { cx } from "../lib/cx";

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function TextAnchor({ className, ...props }: AnchorProps) {
  return <a {...props} className={cx("link", className)} />;
}

function ButtonAnchor({ className, ...props }: AnchorProps & { variant?: "primary" | "secondary" }) {
  const { variant = "primary", ...rest } = props;
  return <a {...rest} className={cx("btn", `btn--${variant}`, className)} />;
}

/** An in-app link (client-side navigation, typed routes). */
export const Link = createLink(TextAnchor);
/** An in-app link that looks like a button: for navigation that is the page's main action. */
export const ButtonLink = createLink(ButtonAnchor);
