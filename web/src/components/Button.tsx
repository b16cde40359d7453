import type { ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";
import { useTranslation } from "react-i18next";
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

/**
 * The one button. While `isPending` it keeps its label and focus, ignores further presses,
 * and says "Please wait" to screen readers. (React Aria's own pending announcement points at
 * an element that disappears when the page changes, which axe reports, so it is done here.)
 */
export function Button({ variant = "primary", block, className, children, isPending, ...props }: ButtonProps) {
  const { t } = useTranslation();
  return (
    <AriaButton
      {...props}
      type={isPending ? "button" : props.type}
      onPress={isPending ? undefined : props.onPress}
      aria-disabled={isPending ? true : undefined}
      data-pending={isPending || undefined}
      className={cx("btn", `btn--${variant}`, block && "btn--block", className)}
    >
      {isPending ? (
        <>
          <Spinner size="small" decorative />
          <span>{children}</span>
          <span className="visually-hidden" role="status">
            {t("common.pleaseWait")}
          </span>
        </>
      ) : (
        children
      )}
    </AriaButton>
  );
}
