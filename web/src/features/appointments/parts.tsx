import type { Appointment, AppointmentStatus } from "@portico/contracts";
import type { ReactNode } from "react";
import { TextField as AriaTextField, Radio, RadioGroup, TextArea } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { FieldHead, fieldId } from "../../components/fields";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { addressLine, STATUS_TONE, visitName } from "./data";

export function AppointmentStatusChip({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation("appointments");
  return <StatusChip tone={STATUS_TONE[status]}>{t(`status.${status}`)}</StatusChip>;
}

/** The reader may see this patient's appointments but not book or change them. */
export function NotAllowedNotice({ name }: { name: string | null | undefined }) {
  const { t } = useTranslation("appointments");
  return (
    <Alert tone="info" title={t("book.notAllowedTitle")}>
      <p>{t("book.notAllowedBody", { name: name ?? "" })}</p>
    </Alert>
  );
}

/** A phone number people can tap to call. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="link" href={`tel:${phone.replace(/[^0-9+]/g, "")}`}>
      {phone}
    </a>
  );
}

export interface Row {
  label: string;
  value: ReactNode;
}

export function SummaryRows({ rows }: { rows: Row[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What, who, where and when of a booked appointment; first whose it is when the reader is not
 * the patient. "When" is in the zone the server chose (`displayTimeZone`: the location's for an
 * in-person visit, the patient's own for a video visit), naming it.
 */
export function appointmentRows(appointment: Appointment, t: (key: string) => string): Row[] {
  const locale = currentLocale();
  const address = addressLine(appointment.location.address);
  const video = appointment.visitType.modality === "video";
  return [
    ...(appointment.readerIsPatient ? [] : [{ label: t("summary.forWhom"), value: appointment.patientName }]),
    { label: t("summary.what"), value: visitName(appointment.visitType, locale) },
    { label: t("summary.when"), value: formatDateTime(appointment.start, appointment.displayTimeZone, locale) },
    { label: t("summary.who"), value: appointment.provider.name },
    {
      label: t("summary.where"),
      value: video ? (
        t(appointment.readerIsPatient ? "summary.video" : "summary.videoFor")
      ) : (
        <>
          {appointment.location.name}
          {address ? (
            <>
              <br />
              {address}
            </>
          ) : null}
          {appointment.location.phone ? (
            <>
              <br />
              <PhoneLink phone={appointment.location.phone} />
            </>
          ) : null}
        </>
      ),
    },
  ];
}

interface NoteFieldProps {
  name: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  errorMessage?: string;
}

/** A labelled multi-line text box (same look as the other fields). */
export function NoteField({ name, label, description, value, onChange, maxLength, errorMessage }: NoteFieldProps) {
  return (
    <AriaTextField
      id={fieldId(name)}
      name={name}
      value={value}
      onChange={onChange}
      maxLength={maxLength}
      isInvalid={Boolean(errorMessage)}
      className="field field--full"
    >
      <FieldHead label={label} description={description} errorMessage={errorMessage} />
      <TextArea className="input appt-textarea" rows={4} />
    </AriaTextField>
  );
}

interface ChoiceGroupProps {
  name: string;
  label: string;
  options: { id: string; label: string }[];
  value: string | null;
  onChange: (value: string) => void;
  errorMessage?: string;
  isRequired?: boolean;
  /** lay options out in a row (a 0–10 scale) */
  compact?: boolean;
  description?: string;
}

/** Radio buttons with large targets: yes/no or a 0–10 scale. */
export function ChoiceGroup({
  name,
  label,
  options,
  value,
  onChange,
  errorMessage,
  isRequired,
  compact,
  description,
}: ChoiceGroupProps) {
  return (
    <RadioGroup
      id={fieldId(name)}
      name={name}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      className="field field--full choice-group"
      orientation={compact ? "horizontal" : "vertical"}
    >
      <FieldHead label={label} description={description} errorMessage={errorMessage} />
      <div className={compact ? "choice-group__options choice-group__options--row" : "choice-group__options"}>
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="choice">
            <span className="choice__mark" aria-hidden="true" />
            <span>{o.label}</span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
