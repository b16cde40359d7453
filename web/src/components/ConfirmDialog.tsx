import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "./Button";
import { Dialog, DialogActions } from "./Dialog";

interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** the button that does it, and what it says */
  confirmLabel: string;
  /** "danger" for what cannot simply be undone */
  confirmVariant?: ButtonVariant;
  isPending: boolean;
  onConfirm: () => void;
  /** the button that closes without doing it ("Keep access", "Cancel") */
  keepLabel: string;
  /** what will happen, and why it failed when it did */
  children: ReactNode;
}

/** "Are you sure?": a modal dialog that says what will happen, then do it or keep things as they are. */
export function ConfirmDialog({
  title,
  isOpen,
  onOpenChange,
  confirmLabel,
  confirmVariant = "danger",
  isPending,
  onConfirm,
  keepLabel,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
      {children}
      <DialogActions>
        <Button variant={confirmVariant} isPending={isPending} onPress={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onPress={() => onOpenChange(false)}>
          {keepLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
