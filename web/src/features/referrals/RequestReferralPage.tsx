import type { Referral, ReferralList, ReferralUrgency } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { locationsQuery, providersQuery } from "../../api/clinic";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { Select } from "../../components/Select";
import { type Explained, useForm } from "../../kit/use-form";
import { isApiError } from "../../lib/api";
import { newIdempotencyKey } from "../appointments/data";
import { ChoiceGroup, NoteField } from "../appointments/parts";
import { referralsQuery, requestReferral, specialtyLabel } from "./data";
import "./referrals.css";

const route = getRouteApi("/signed-in/referrals/new");

const URGENCIES: ReferralUrgency[] = ["routine", "soon", "urgent"];
const NO_PREFERENCE = "none";

interface ReferralDraft {
  specialty: string;
  reason: string;
  preferredProviderId: string;
  preferredLocationId: string;
  urgency: string;
}

/** Asking for a referral: which specialty, why, who or where one would like, how soon. */
export function RequestReferralPage() {
  const { t } = useTranslation("referrals");
  const search = route.useSearch();
  const page = usePatientData("referrals", "referrals", search.patient, referralsQuery);
  const { who, forSelf, forWhom } = page;

  return (
    <PatientPage
      page={page}
      title={forWhom("form.title")}
      lead={<p>{forWhom("form.lead")}</p>}
      before={
        <Link to="/referrals" search={who.patientId ? { patient: who.patientId } : {}} className="back-link">
          {forWhom("list.title")}
        </Link>
      }
      words="list"
    >
      {(data) =>
        !data.abilities.canRequest ? (
          <Alert tone="info" title={forWhom("form.cannotTitle")}>
            <p>{t("form.cannotBody")}</p>
          </Alert>
        ) : (
          <RequestForm key={who.patientId} list={data} forSelf={forSelf} specialty={search.specialty} />
        )
      }
    </PatientPage>
  );
}

function RequestForm({ list, forSelf, specialty }: { list: ReferralList; forSelf: boolean; specialty?: string }) {
  const { t } = useTranslation("referrals");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const providers = useQuery(providersQuery());
  const locations = useQuery(locationsQuery());
  const patientId = list.patient.id;
  const name = list.patient.displayName;
  // one key per distinct request: a retry of the same answers never asks twice
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const labels = {
    specialty: t("form.specialty"),
    reason: t("form.reason"),
    preferredProviderId: t("form.provider"),
    preferredLocationId: t("form.location"),
    urgency: t("form.urgency"),
  };
  const form = useForm<ReferralDraft, Referral>({
    initial: {
      specialty: specialty && list.specialties.includes(specialty) ? specialty : "",
      reason: "",
      preferredProviderId: NO_PREFERENCE,
      preferredLocationId: NO_PREFERENCE,
      urgency: "routine",
    },
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.specialty) e.specialty = t("form.errors.specialty");
      if (v.reason.trim().length < 3) e.reason = t("form.errors.reason");
      if (!v.urgency) e.urgency = t("form.errors.urgency");
      return e;
    },
    submit: (v) => {
      const body = {
        specialty: v.specialty,
        reason: v.reason.trim(),
        preferredProviderId: v.preferredProviderId === NO_PREFERENCE ? null : v.preferredProviderId,
        preferredLocationId: v.preferredLocationId === NO_PREFERENCE ? null : v.preferredLocationId,
        urgency: v.urgency as ReferralUrgency,
      };
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
      return requestReferral(queryClient, patientId, body, attempt.current.key);
    },
    explain: (error): Explained | undefined => {
      if (isApiError(error, "unknown_specialty")) {
        return { errors: { specialty: t("form.errors.unknown_specialty") }, formError: null };
      }
      if (isApiError(error, "unknown_provider")) {
        return { errors: { preferredProviderId: t("form.errors.unknown_provider") }, formError: null };
      }
      if (isApiError(error, "unknown_location")) {
        return { errors: { preferredLocationId: t("form.errors.unknown_location") }, formError: null };
      }
      return undefined;
    },
    onSuccess: async (created) => {
      await navigate({ to: "/referrals", search: { patient: patientId, referral: created.id } });
    },
  });

  const chosen = form.values.specialty;
  const specialists = (providers.data ?? []).filter((p) => p.specialty === chosen);
  const provider = specialists.find((p) => p.id === form.values.preferredProviderId);
  const places = (locations.data ?? []).filter(
    (l) => specialists.length === 0 || specialists.some((p) => p.locationIds.includes(l.id)),
  );
  const setSpecialty = (value: string) =>
    form.update((v) => ({ ...v, specialty: value, preferredProviderId: NO_PREFERENCE }));

  return (
    <Form {...form.formProps} aria-label={forSelf ? t("form.title") : t("form.titleFor", { name })}>
      <Select
        name="specialty"
        label={labels.specialty}
        description={t("form.specialtyHint")}
        options={list.specialties.map((s) => ({ id: s, label: specialtyLabel(s, t) }))}
        value={form.values.specialty || null}
        onChange={setSpecialty}
        errorMessage={form.errors.specialty}
        placeholder={t("form.specialtyPlaceholder")}
        isRequired
        width="medium"
      />
      <NoteField
        name="reason"
        label={labels.reason}
        description={forSelf ? t("form.reasonHint") : t("form.reasonHintFor", { name })}
        value={form.values.reason}
        onChange={form.set("reason")}
        maxLength={1000}
        errorMessage={form.errors.reason}
      />
      <Select
        name="preferredProviderId"
        label={labels.preferredProviderId}
        description={t("form.optional")}
        options={[
          { id: NO_PREFERENCE, label: t("form.noPreference") },
          ...specialists.map((p) => ({ id: p.id, label: p.displayName })),
        ]}
        value={form.values.preferredProviderId}
        onChange={form.set("preferredProviderId")}
        errorMessage={form.errors.preferredProviderId}
        width="medium"
      />
      <Select
        name="preferredLocationId"
        label={labels.preferredLocationId}
        description={t("form.optional")}
        options={[
          { id: NO_PREFERENCE, label: t("form.noPreference") },
          ...places
            .filter((l) => !provider || provider.locationIds.includes(l.id))
            .map((l) => ({ id: l.id, label: l.name })),
        ]}
        value={form.values.preferredLocationId}
        onChange={form.set("preferredLocationId")}
        errorMessage={form.errors.preferredLocationId}
        width="medium"
      />
      <ChoiceGroup
        name="urgency"
        label={labels.urgency}
        options={URGENCIES.map((u) => ({ id: u, label: t(`urgencyChoice.${u}`) }))}
        value={form.values.urgency}
        onChange={form.set("urgency")}
        errorMessage={form.errors.urgency}
        isRequired
      />
      <Alert tone="info" title={t("form.emergencyTitle")} headingLevel={2}>
        <p>{t("form.emergencyBody")}</p>
      </Alert>
      <p className="text-muted">{forSelf ? t("form.whatNext") : t("form.whatNextFor", { name })}</p>
      <FormActions>
        <Button type="submit" isPending={form.pending} block>
          {t("form.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}
