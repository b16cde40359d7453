import type { VisitType } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate, useRouter } from "@tanstack/react-router";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useClinic } from "../../app/clinic";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { formatDateTime, localTimeZone } from "../../lib/format";
import { ConfirmSlot, cancellationRule, confirmStepSearch, slotSearch } from "./ConfirmSlot";
import {
  appointmentsQuery,
  locationsQuery,
  providersQuery,
  todayIn,
  visitDescription,
  visitName,
  visitTypesQuery,
} from "./data";
import { NotAllowedNotice, NoteField, PhoneLink } from "./parts";
import { type AppointmentPatient, useAppointmentPatient } from "./patient-context";
import { WeekOfTimes } from "./WeekOfTimes";

export type BookStep = "what" | "who" | "when" | "confirm";

export interface BookSearch {
  patientId?: string;
  step?: BookStep;
  visitTypeId?: string;
  providerId?: string;
  locationId?: string;
  week?: string;
  start?: string;
  slotProviderId?: string;
  slotLocationId?: string;
  /** the zone the server shows the chosen time in (the slot's `displayTimeZone`) */
  slotZone?: string;
}

const route = getRouteApi("/signed-in/appointments/book");

/** Booking in a few short steps; every choice lives in the address so back, forward and reload work. */
export function BookPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const who = useAppointmentPatient(search.patientId);
  const visitTypes = useQuery(visitTypesQuery);
  const visitType = visitTypes.data?.find((v) => v.id === search.visitTypeId);

  const step: BookStep = !search.visitTypeId
    ? "what"
    : search.step === "confirm" && !search.start
      ? "when"
      : (search.step ?? "who");
  const stepNumber = { what: 1, who: 2, when: 3, confirm: 4 }[step];
  const titles: Record<BookStep, string> = {
    what: t("what.title"),
    who: t("who.title"),
    when: t("when.title"),
    confirm: t("confirm.title"),
  };

  const page = useRef<HTMLDivElement>(null);
  useStepFocus(page, step);

  return (
    <div className="stack" ref={page}>
      <PageHeader
        before={
          step === "what" ? (
            <Link
              to="/appointments"
              search={who.onBehalf ? { patientId: who.patientId ?? undefined } : {}}
              className="back-link"
            >
              {t("book.backToList")}
            </Link>
          ) : (
            <BackLink step={step} search={search} />
          )
        }
        eyebrow={
          <>
            {t("book.stepOf", { step: stepNumber, total: 4 })}
            {who.onBehalf && who.name ? ` · ${t("book.forPatient", { name: who.name })}` : ""}
          </>
        }
        title={titles[step]}
      />
      {who.onBehalf ? null : <ActingForSwitcher />}
      {!who.patientId ? (
        <Alert tone="info" title={t("book.noPatientTitle")}>
          <p>{t("book.noPatientBody")}</p>
        </Alert>
      ) : !who.canAct ? (
        <NotAllowedNotice name={who.name} />
      ) : visitTypes.isPending ? (
        <LoadingState />
      ) : visitTypes.isError ? (
        <Alert tone="error" title={t("book.loadFailed")} live="assertive">
          <Button variant="secondary" onPress={() => void visitTypes.refetch()}>
            {t("common.tryAgain")}
          </Button>
        </Alert>
      ) : step === "what" || !visitType ? (
        <ChooseWhat visitTypes={visitTypes.data} search={search} />
      ) : step === "who" ? (
        <ChooseWho visitType={visitType} search={search} />
      ) : step === "when" ? (
        <ChooseWhen visitType={visitType} search={search} who={who} />
      ) : (
        <Confirm visitType={visitType} search={search} who={who} />
      )}
    </div>
  );
}

/**
 * Each step is the same page with another address, so the app's focus-on-navigation leaves it
 * alone: after a step change (not on arrival) move focus to the new step's heading, or it falls
 * to the page body when the pressed link or button goes away.
 */
function useStepFocus(page: React.RefObject<HTMLDivElement | null>, step: BookStep) {
  const previous = useRef(step);
  useEffect(() => {
    if (previous.current === step) return;
    previous.current = step;
    const heading = page.current?.querySelector("h1");
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [page, step]);
}

function BackLink({ step, search }: { step: BookStep; search: BookSearch }) {
  const { t } = useTranslation("appointments");
  const previous: BookStep = step === "confirm" ? "when" : step === "when" ? "who" : "what";
  const target: BookSearch =
    previous === "what"
      ? { patientId: search.patientId }
      : {
          ...search,
          step: previous,
          start: undefined,
          slotProviderId: undefined,
          slotLocationId: undefined,
          slotZone: undefined,
        };
  return (
    <Link to="/appointments/book" search={target} className="back-link">
      {t("book.back")}
    </Link>
  );
}

function ChooseWhat({ visitTypes, search }: { visitTypes: VisitType[]; search: BookSearch }) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  const clinic = useClinic();
  const router = useRouter();
  const hasMessages = Boolean((router.routesByPath as Record<string, unknown>)["/messages"]);
  return (
    <>
      <p>{t("what.lead")}</p>
      <ul className="choice-list">
        {visitTypes.map((vt) => (
          <li key={vt.id}>
            <Link
              to="/appointments/book"
              search={{ patientId: search.patientId, visitTypeId: vt.id, step: "who" }}
              className="choice-tile"
            >
              <span className="choice-tile__title">{visitName(vt, locale)}</span>
              {visitDescription(vt, locale) ? (
                <span className="choice-tile__text">{visitDescription(vt, locale)}</span>
              ) : null}
              <span className="choice-tile__meta">
                {t("what.meta", {
                  minutes: vt.durationMinutes,
                  modality: t(`modality.${vt.modality}`),
                })}
                {vt.bookingKind === "referral" ? ` · ${t("what.needsReferral")}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="not-sure">
        <h2 id="not-sure" className="card__title">
          {t("what.notSureTitle")}
        </h2>
        {hasMessages ? (
          <p>
            <Link to={"/messages" as "/"} className="link">
              {t("what.notSureMessage")}
            </Link>
          </p>
        ) : (
          <p>
            {t("what.notSureCall")} {clinic ? <PhoneLink phone={clinic.phone} /> : null}
          </p>
        )}
      </section>
    </>
  );
}

function ChooseWho({ visitType, search }: { visitType: VisitType; search: BookSearch }) {
  const { t } = useTranslation("appointments");
  const navigate = useNavigate();
  const providers = useQuery(providersQuery);
  const locations = useQuery(locationsQuery);
  const [providerId, setProviderId] = useState(search.providerId ?? "any");
  const [locationId, setLocationId] = useState(search.locationId ?? "any");
  const ofSpecialty = (providers.data ?? []).filter((p) => p.specialty === visitType.specialty && p.active);
  const chosenProvider = ofSpecialty.find((p) => p.id === providerId);
  const places = (locations.data ?? []).filter((l) =>
    chosenProvider ? chosenProvider.locationIds.includes(l.id) : ofSpecialty.some((p) => p.locationIds.includes(l.id)),
  );
  if (providers.isPending || locations.isPending) return <LoadingState />;
  const locale = currentLocale();
  return (
    <>
      <p>{t("who.lead", { visit: visitName(visitType, locale) })}</p>
      <Form
        aria-label={t("who.title")}
        onSubmit={() =>
          navigate({
            to: "/appointments/book",
            search: {
              ...search,
              step: "when",
              providerId: providerId === "any" ? undefined : providerId,
              locationId: locationId === "any" || !places.some((l) => l.id === locationId) ? undefined : locationId,
            },
          })
        }
      >
        <Select
          name="providerId"
          label={t("who.provider")}
          options={[
            { id: "any", label: t("who.anyProvider") },
            ...ofSpecialty.map((p) => ({ id: p.id, label: p.displayName })),
          ]}
          value={providerId}
          onChange={setProviderId}
          width="medium"
        />
        {visitType.modality === "in_person" ? (
          <Select
            name="locationId"
            label={t("who.location")}
            options={[{ id: "any", label: t("who.anyLocation") }, ...places.map((l) => ({ id: l.id, label: l.name }))]}
            value={places.some((l) => l.id === locationId) ? locationId : "any"}
            onChange={setLocationId}
            width="medium"
          />
        ) : null}
        <FormActions>
          <Button type="submit" block>
            {t("who.continue")}
          </Button>
        </FormActions>
      </Form>
    </>
  );
}

function ChooseWhen({ visitType, search, who }: { visitType: VisitType; search: BookSearch; who: AppointmentPatient }) {
  const { t } = useTranslation("appointments");
  const navigate = useNavigate();
  const locations = useQuery(locationsQuery);
  // the week's days are counted where its times are shown: a video visit's in the patient's own
  // zone (sent by the server with their appointments), an in-person visit's at the location
  const own = useQuery(appointmentsQuery(who.patientId as string));
  const zone =
    (visitType.modality === "video" ? own.data?.timeZone : undefined) ??
    locations.data?.find((l) => l.id === search.locationId)?.timeZone ??
    locations.data?.[0]?.timeZone ??
    localTimeZone();
  const week = search.week ?? todayIn(zone);
  const locale = currentLocale();
  if (locations.isPending || (visitType.modality === "video" && own.isPending)) return <LoadingState />;
  return (
    <>
      <p>{t("when.lead", { visit: visitName(visitType, locale) })}</p>
      <WeekOfTimes
        visitTypeId={visitType.id}
        patientId={who.patientId as string}
        providerId={search.providerId}
        locationId={search.locationId}
        week={week}
        timeZone={zone}
        onBehalf={who.onBehalf}
        onWeek={(next) => navigate({ to: "/appointments/book", search: { ...search, week: next } })}
        onPick={(slot) =>
          navigate({
            to: "/appointments/book",
            search: { ...search, ...confirmStepSearch(slot, week) },
          })
        }
      />
    </>
  );
}

function Confirm({ visitType, search, who }: { visitType: VisitType; search: BookSearch; who: AppointmentPatient }) {
  const { t } = useTranslation("appointments");
  const navigate = useNavigate();
  const providers = useQuery(providersQuery);
  const locations = useQuery(locationsQuery);
  const [note, setNote] = useState("");
  const locale = currentLocale();

  const provider = providers.data?.find((p) => p.id === search.slotProviderId);
  const location = locations.data?.find((l) => l.id === search.slotLocationId);
  const zone = search.slotZone ?? location?.timeZone ?? localTimeZone();
  const start = search.start as string;
  const rows = useMemo(
    () => [
      { label: t("summary.what"), value: visitName(visitType, locale) },
      { label: t("summary.when"), value: formatDateTime(start, zone, locale) },
      { label: t("summary.who"), value: provider?.displayName ?? "" },
      {
        label: t("summary.where"),
        value: visitType.modality === "video" ? t("summary.video") : (location?.name ?? ""),
      },
    ],
    [t, visitType, locale, start, zone, provider, location],
  );
  if (providers.isPending || locations.isPending) return <LoadingState />;

  return (
    <ConfirmSlot
      patientId={who.patientId as string}
      request={() => ({
        path: `/api/patients/${who.patientId}/appointments`,
        body: {
          visitTypeId: visitType.id,
          providerId: search.slotProviderId,
          locationId: search.slotLocationId,
          start,
          ...(note.trim() ? { reasonForVisit: note.trim() } : {}),
        },
      })}
      onDone={(appointment) =>
        navigate({
          to: "/appointments/$appointmentId/booked",
          params: { appointmentId: appointment.id },
          search: { patientId: who.patientId ?? undefined, kind: "booked" },
        })
      }
      refreshSlotsWhenTaken
      onPickAlternative={(slot) =>
        void navigate({ to: "/appointments/book", search: { ...search, ...slotSearch(slot) }, replace: true })
      }
      backToWeek={
        <Link to="/appointments/book" search={{ ...search, step: "when", start: undefined }} className="link">
          {t("taken.seeWeek")}
        </Link>
      }
      rows={rows}
      rule={cancellationRule(t, start, visitType.cancellationNoticeMinutes, zone)}
      formLabel={t("confirm.title")}
      submitLabel={t("confirm.book")}
    >
      <NoteField
        name="reasonForVisit"
        label={t("confirm.note")}
        description={t("confirm.noteHint")}
        value={note}
        onChange={setNote}
        maxLength={500}
      />
    </ConfirmSlot>
  );
}
