import type { ReactNode } from "react";
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from "react-aria-components";

interface DialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** alertdialog for warnings that need an answer (e.g. about to be signed out) */
  role?: "dialog" | "alertdialog";
  /** allow closing by clicking outside / Escape */
  isDismissable?: boolean;
}

/** A modal dialog: focus is trapped inside and returns to the trigger on close. */
export function Dialog({ title, isOpen, onOpenChange, children, role = "dialog", isDismissable = true }: DialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
      className="modal-overlay"
    >
      <Modal className="modal">
        <AriaDialog role={role} className="dialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog__actions">{children}</div>;
}
