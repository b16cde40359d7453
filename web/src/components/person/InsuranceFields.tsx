import type { InsuranceCoverage, InsuranceCoverageInput } from "@portico/contracts";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import { bindGroup } from "../../kit/bind-field";
import type { FieldErrors } from "../Form";
import { fieldId, TextField } from "../fields";
import { Select } from "../Select";
import { checkFile, fileSize, MEMBER_ID } from "./person-data";

export interface InsuranceForm {
  payerName: string;
  memberId: string;
  groupNumber: string;
  subscriberName: string;
  subscriberRelationship: string;
  /** a new photo chosen on this page */
  front: File | null;
  back: File | null;
  /** the photo already on file */
  frontFileId: string | null;
  backFileId: string | null;
}

export const emptyInsurance: InsuranceForm = {
  payerName: "",
  memberId: "",
  groupNumber: "",
  subscriberName: "",
  subscriberRelationship: "self",
  front: null,
  back: null,
  frontFileId: null,
  backFileId: null,
};

export function insuranceFormOf(coverage: InsuranceCoverage | undefined): InsuranceForm {
  if (!coverage) return emptyInsurance;
  return {
    payerName: coverage.payerName,
    memberId: coverage.memberId,
    groupNumber: coverage.groupNumber ?? "",
    subscriberName: coverage.subscriberName,
    subscriberRelationship: coverage.subscriberRelationship,
    front: null,
    back: null,
    frontFileId: coverage.cardFrontFileId,
    backFileId: coverage.cardBackFileId,
  };
}

export function hasInsurance(form: InsuranceForm): boolean {
  return [form.payerName, form.memberId, form.groupNumber].some((v) => v.trim()) || Boolean(form.front || form.back);
}

type T = (key: string, options?: Record<string, unknown>) => string;

export function validateInsurance(form: InsuranceForm, t: T): FieldErrors {
  const e: FieldErrors = {};
  if (!hasInsurance(form)) return e;
  if (!form.payerName.trim()) e.payerName = t("insurance.errors.payer");
  if (!form.memberId.trim()) e.memberId = t("insurance.errors.memberMissing");
  else if (!MEMBER_ID.test(form.memberId.trim())) e.memberId = t("insurance.errors.memberInvalid");
  if (form.groupNumber.trim() && !MEMBER_ID.test(form.groupNumber.trim())) e.groupNumber = t("insurance.errors.group");
  if (!form.subscriberName.trim()) e.subscriberName = t("insurance.errors.subscriber");
  for (const side of ["front", "back"] as const) {
    const file = form[side];
    const problem = file ? checkFile(file) : null;
    if (problem) e[`card${side === "front" ? "Front" : "Back"}`] = t(`insurance.errors.file_${problem}`);
  }
  return e;
}

/** The coverage to send, with the ids of photos already uploaded. */
export function insuranceRequest(
  form: InsuranceForm,
  fileIds: { front?: string | null; back?: string | null } = {},
): InsuranceCoverageInput {
  const front = fileIds.front ?? form.frontFileId;
  const back = fileIds.back ?? form.backFileId;
  return {
    rank: "primary",
    payerName: form.payerName.trim(),
    memberId: form.memberId.trim(),
    ...(form.groupNumber.trim() ? { groupNumber: form.groupNumber.trim() } : {}),
    subscriberName: form.subscriberName.trim(),
    subscriberRelationship: form.subscriberRelationship as InsuranceCoverageInput["subscriberRelationship"],
    ...(front ? { cardFrontFileId: front } : {}),
    ...(back ? { cardBackFileId: back } : {}),
  };
}

interface InsuranceFieldsProps {
  value: InsuranceForm;
  onChange: (next: InsuranceForm) => void;
  errors: FieldErrors;
  /** where a photo already on file can be downloaded */
  fileUrl?: (fileId: string) => string;
  /** the page already shows the title (a card's heading): the legend is for screen readers only */
  legendHidden?: boolean;
}

export function InsuranceFields({ value, onChange, errors, fileUrl, legendHidden = false }: InsuranceFieldsProps) {
  const { t } = useTranslation("registration");
  const { set, field } = bindGroup(value, errors, onChange);
  return (
    <fieldset className="fieldset">
      <legend className={legendHidden ? "visually-hidden" : "fieldset__legend"}>{t("insurance.title")}</legend>
      <p className="field__hint">{t("insurance.hint")}</p>
      <TextField {...field("payerName")} label={t("insurance.payer")} description={t("insurance.payerHint")} />
      <TextField {...field("memberId")} label={t("insurance.memberId")} width="medium" spellCheck={false} />
      <TextField
        {...field("groupNumber")}
        label={t("person.optional", { label: t("insurance.group") })}
        width="medium"
        spellCheck={false}
      />
      <TextField
        {...field("subscriberName")}
        label={t("insurance.subscriber")}
        description={t("insurance.subscriberHint")}
      />
      <Select
        name="subscriberRelationship"
        label={t("insurance.relationship")}
        width="medium"
        value={value.subscriberRelationship}
        onChange={set("subscriberRelationship")}
        options={(["self", "spouse", "parent", "other"] as const).map((r) => ({
          id: r,
          label: t(`insurance.relationships.${r}`),
        }))}
      />
      <CardPhoto
        name="cardFront"
        label={t("insurance.front")}
        file={value.front}
        onFile={(front) => onChange({ ...value, front })}
        onFileUrl={value.frontFileId && fileUrl ? fileUrl(value.frontFileId) : undefined}
        errorMessage={errors.cardFront}
      />
      <CardPhoto
        name="cardBack"
        label={t("insurance.back")}
        file={value.back}
        onFile={(back) => onChange({ ...value, back })}
        onFileUrl={value.backFileId && fileUrl ? fileUrl(value.backFileId) : undefined}
        errorMessage={errors.cardBack}
      />
    </fieldset>
  );
}

interface CardPhotoProps {
  name: string;
  label: string;
  file: File | null;
  onFile: (file: File | null) => void;
  onFileUrl?: string;
  errorMessage?: string;
}

/** A file picker for one side of the card: says what was chosen (name and size) and whether it will do. */
function CardPhoto({ name, label, file, onFile, onFileUrl, errorMessage }: CardPhotoProps) {
  const { t } = useTranslation("registration");
  const hintId = useId();
  const statusId = useId();
  const errorId = useId();
  const problem = file ? checkFile(file) : null;
  const message = errorMessage ?? (problem ? t(`insurance.errors.file_${problem}`) : undefined);
  return (
    <div className="field file-field" data-invalid={message ? true : undefined}>
      <label className="field__label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {t("insurance.fileHint")}
      </p>
      {message ? (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      ) : null}
      <input
        id={fieldId(name)}
        className="file-field__input"
        type="file"
        accept="image/jpeg,image/png,image/heic,.heic,application/pdf"
        aria-describedby={[hintId, message ? errorId : "", statusId].filter(Boolean).join(" ")}
        aria-invalid={message ? true : undefined}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
      <p className="file-field__status" id={statusId} aria-live="polite">
        {file
          ? t("insurance.chosen", { name: file.name, size: fileSize(file.size, currentLocale()) })
          : onFileUrl
            ? t("insurance.onFile")
            : t("insurance.noneChosen")}
      </p>
      {!file && onFileUrl ? (
        <p>
          <a className="link" href={onFileUrl} download>
            {t("insurance.download", { side: label })}
          </a>
        </p>
      ) : null}
    </div>
  );
}
