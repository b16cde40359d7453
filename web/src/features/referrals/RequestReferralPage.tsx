import type { Referral, ReferralList, ReferralUrgency } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PatientPage, usePatientData } from "../../app/PatientPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { type Explained, useForm } from "../../kit/use-form";
import { isApiError } from "../../lib/api";
import { AttemptKey } from "../../lib/idempotent-retry";
import { newIdempotencyKey } from "../appointments/data";
import { referralsQuery, requestReferral } from "./data";
import { NO_PREFERENCE, ReferralRequestFields, useSpecialists } from "./ReferralFields";
import "./referrals.css";

const route = getRouteApi("/signed-in/referrals/new");

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
  const patientId = list.patient.id;
  const name = list.patient.displayName;
  // one key per distinct request: a retry of the same answers never asks twice
  const [attempt] = useState(() => new AttemptKey(newIdempotencyKey));
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
      return requestReferral(queryClient, patientId, body, attempt.for(body));
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

  const choice = useSpecialists(form.values.specialty, form.values.preferredProviderId);
  const setSpecialty = (value: string) =>
    form.update((v) => ({ ...v, specialty: value, preferredProviderId: NO_PREFERENCE }));

  return (
    <Form {...form.formProps} aria-label={forSelf ? t("form.title") : t("form.titleFor", { name })}>
      <ReferralRequestFields
        form={form}
        labels={labels}
        specialties={list.specialties}
        specialtyHint={t("form.specialtyHint")}
        reasonHint={forSelf ? t("form.reasonHint") : t("form.reasonHintFor", { name })}
        onSpecialty={setSpecialty}
        specialists={choice}
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
