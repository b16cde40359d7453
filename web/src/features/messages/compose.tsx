import { MESSAGE_ATTACHMENTS_MAX, type UploadedAttachment } from "@portico/contracts";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { Button } from "../../components/Button";
import type { FieldErrors } from "../../components/Form";
import { fieldId } from "../../components/fields";
import { currentLocale } from "../../i18n";
import { isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { checkFile, fileSize } from "../registration/shared";
import { uploadAttachment } from "./data";
import type { DraftAttachment } from "./draft";

/** `AttachmentField`'s value, change and error, bound to a form's `attachments` (`name`: its name on the page). */
export function bindAttachments(
  form: {
    values: { attachments: DraftAttachment[] };
    set: (key: "attachments") => (value: DraftAttachment[]) => void;
    errors: FieldErrors;
  },
  name = "attachments",
) {
  return { name, value: form.values.attachments, onChange: form.set("attachments"), errorMessage: form.errors[name] };
}

/**
 * Files for a message: each chosen file is checked here (type, 10 MB) and uploaded at once;
 * the server checks its content again and its refusal is shown on this field. Uploaded files
 * are listed with a button to remove them from the message.
 */
export function AttachmentField({
  name,
  patientId,
  value,
  onChange,
  errorMessage: outerError,
  upload = (file) => uploadAttachment(patientId, file),
}: {
  name: string;
  patientId: string;
  /** where the file goes (by default the patient's upload; staff replies upload through the thread) */
  upload?: (file: File) => Promise<UploadedAttachment>;
  value: DraftAttachment[];
  onChange: (next: DraftAttachment[]) => void;
  errorMessage?: string;
}) {
  const { t, i18n } = useTranslation("messages");
  const me = useMe();
  const locale = currentLocale();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const hintId = useId();
  const errorId = useId();
  const error = problem ?? outerError;
  const full = value.length >= MESSAGE_ATTACHMENTS_MAX;

  async function add(files: FileList | null) {
    setProblem(null);
    if (!files || files.length === 0 || !me) return;
    let next = [...value];
    setUploading(true);
    try {
      for (const file of Array.from(files)) {
        if (next.length >= MESSAGE_ATTACHMENTS_MAX) {
          setProblem(t("attach.tooMany", { count: MESSAGE_ATTACHMENTS_MAX }));
          break;
        }
        const local = checkFile(file);
        if (local) {
          setProblem(t(`attach.${local}`, { name: file.name }));
          continue;
        }
        try {
          const uploaded = await upload(file);
          next = [...next, { id: uploaded.id, name: file.name, sizeBytes: uploaded.sizeBytes }];
          onChange(next);
        } catch (e) {
          if (isApiError(e, "unsupported_media_type")) setProblem(t("attach.type", { name: file.name }));
          else if (isApiError(e, "payload_too_large")) setProblem(t("attach.size", { name: file.name }));
          else setProblem(t("attach.failed", { name: file.name, reason: errorMessage(e, i18n.t, i18n.exists) }));
        }
      }
    } finally {
      setUploading(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className={`field field--full${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={fieldId(name)}>
        {t("attach.label")}
      </label>
      <p className="field__hint" id={hintId}>
        {t("attach.hint", { count: MESSAGE_ATTACHMENTS_MAX })}
      </p>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        ref={input}
        id={fieldId(name)}
        className="message-file-input"
        type="file"
        multiple
        accept="application/pdf,image/jpeg,image/png,image/heic,.heic"
        disabled={full || uploading}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void add(e.currentTarget.files)}
      />
      <p className="visually-hidden" aria-live="polite">
        {uploading ? t("attach.uploading") : ""}
      </p>
      {value.length > 0 ? (
        <ul className="message-files" aria-label={t("attach.listLabel")}>
          {value.map((f) => (
            <li key={f.id}>
              <span>
                {f.name} ({fileSize(f.sizeBytes, locale)})
              </span>
              <Button variant="quiet" onPress={() => onChange(value.filter((x) => x.id !== f.id))}>
                {t("attach.remove", { name: f.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
