import type { PatientProfile, UpdatePatientRequest } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { patientKeys, updatePatient } from "../../api/patients";
import { Alert } from "../../components/Alert";
import { emptyPerson, type PersonForm } from "../../components/person/PersonFields";
import { type UseFormOptions, useForm } from "../../kit/use-form";
import "../registration/registration.css";

/** What every section of "My details" shares: the profile as form values, a read-only row, the section's form hook and its save confirmation. */
export function formOf(p: PatientProfile): PersonForm {
  return {
    ...emptyPerson,
    preferredName: p.preferredName ?? "",
    phone: p.phone ?? "",
    email: p.email ?? "",
    line1: p.address?.line1 ?? "",
    line2: p.address?.line2 ?? "",
    city: p.address?.city ?? "",
    region: p.address?.region ?? "",
    postalCode: p.address?.postalCode ?? "",
    preferredLanguage: p.preferredLanguage,
    ecName: p.emergencyContact?.name ?? "",
    ecRelationship: p.emergencyContact?.relationship ?? "",
    ecPhone: p.emergencyContact?.phone ?? "",
  };
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One section's form on the kit's form hook. Each section keeps its own edits: a save here
 * sends only this section's part, and when the profile comes back (from this save or another
 * section's) the fields someone has changed and not saved keep what they typed. Leaving the
 * page with unsaved edits asks first (the kit's guard); each save is confirmed.
 */
export function useSection<V extends object>(
  profile: PatientProfile,
  valuesOf: (p: PatientProfile) => V,
  options: Pick<UseFormOptions<V, PatientProfile>, "validate" | "serverField" | "labels"> & {
    patch: (values: V) => Promise<UpdatePatientRequest | null>;
  },
) {
  const queryClient = useQueryClient();
  // biome-ignore lint/correctness/useExhaustiveDependencies: new server data is a new profile object
  const source = useMemo(() => valuesOf(profile), [profile]);
  return useForm<V, PatientProfile>({
    initial: source,
    source,
    validate: options.validate,
    serverField: options.serverField,
    labels: options.labels,
    submit: async (values) => {
      const patch = await options.patch(values);
      if (!patch) return profile;
      return updatePatient(profile.id, patch);
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(patientKeys.profile(profile.id), fresh);
    },
  });
}

/** The confirmation of a save: a polite live region that is always there, filled when saved. */
export function Saved({ show, message }: { show: boolean; message: string }) {
  return (
    <div role="status" className="section-status">
      {show ? <Alert tone="success" title={message} headingLevel={3} /> : null}
    </div>
  );
}
