import type { ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";
import { cx } from "../lib/cx";
import { Spinner } from "./Spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";

export interface ButtonProps extends Omit<AriaButtonProps, "className" | "children"> {
  variant?: ButtonVariant;
  /** full width on small screens (the thumb-reachable primary action) */
  block?: boolean;
  className?: string;
  children: ReactNode;
}

/** The one button. While `isPending` it keeps its label and announces progress. */
export function Button({ variant = "primary", block, className, children, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={cx("btn", `btn--${variant}`, block && "btn--block", className)}>
      {props.isPending ? (
        <>
          <Spinner size="small" decorative />
          <span>{children}</span>
        </>
      ) : (
        children
      )}
    </AriaButton>
  );
}
