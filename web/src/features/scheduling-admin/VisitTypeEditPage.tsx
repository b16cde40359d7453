import type { BookingKind, QuestionnaireKind, VisitType } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { NoteField } from "../appointments/parts";
import { adminVisitTypesQuery } from "./VisitTypesPage";

type Item = VisitType["questionnaire"][number];

interface Draft {
  name: string;
  nameEs: string;
  description: string;
  descriptionEs: string;
  durationMinutes: string;
  modality: "in_person" | "video";
  specialty: string;
  bookingKind: BookingKind;
  minimumNoticeMinutes: string;
  horizonDays: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  cancellationNoticeMinutes: string;
  questionnaire: Item[];
  intakeQuestionnaires: QuestionnaireKind[];
  active: boolean;
}

const INTAKE: readonly QuestionnaireKind[] = ["phq9", "gad7"];

const NUMBERS: { key: keyof Draft; min: number; max: number }[] = [
  { key: "durationMinutes", min: 5, max: 480 },
  { key: "minimumNoticeMinutes", min: 0, max: 43200 },
  { key: "horizonDays", min: 1, max: 730 },
  { key: "bufferBeforeMinutes", min: 0, max: 120 },
  { key: "bufferAfterMinutes", min: 0, max: 120 },
  { key: "cancellationNoticeMinutes", min: 0, max: 20160 },
];

function draftOf(vt?: VisitType): Draft {
  return {
    name: vt?.name ?? "",
    nameEs: vt?.nameEs ?? "",
    description: vt?.description ?? "",
    descriptionEs: vt?.descriptionEs ?? "",
    durationMinutes: String(vt?.durationMinutes ?? 20),
    modality: vt?.modality ?? "in_person",
    specialty: vt?.specialty ?? "family_medicine",
    bookingKind: vt?.bookingKind ?? "established",
    minimumNoticeMinutes: String(vt?.minimumNoticeMinutes ?? 120),
    horizonDays: String(vt?.horizonDays ?? 90),
    bufferBeforeMinutes: String(vt?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(vt?.bufferAfterMinutes ?? 0),
    cancellationNoticeMinutes: String(vt?.cancellationNoticeMinutes ?? 1440),
    questionnaire: vt?.questionnaire ?? [],
    intakeQuestionnaires: vt?.intakeQuestionnaires ?? [],
    active: vt?.active ?? true,
  };
}

const route = getRouteApi("/signed-in/admin/visit-types/$visitTypeId");

/** Create or change a visit type: every rule booking follows. */
export function VisitTypeEditPage() {
  const { t } = useTranslation("appointments");
  const { visitTypeId } = route.useParams();
  const list = useQuery(adminVisitTypesQuery);
  const isNew = visitTypeId === "new";
  const existing = list.data?.find((v) => v.id === visitTypeId);
  return (
    <div className="stack narrow">
      <PageHeader
        before={
          <Link to="/admin/visit-types" className="back-link">
            {t("adminTypes.title")}
          </Link>
        }
        title={isNew ? t("adminTypes.addTitle") : t("adminTypes.editTitle", { name: existing?.name ?? "" })}
      />
      {list.isPending ? (
        <LoadingState />
      ) : !isNew && !existing ? (
        <Alert tone="error" title={t("adminTypes.notFound")} />
      ) : (
        <VisitTypeForm key={visitTypeId} existing={existing} />
      )}
    </div>
  );
}

function VisitTypeForm({ existing }: { existing?: VisitType }) {
  const { t } = useTranslation("appointments");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Draft>({
    initial: () => draftOf(existing),
    validate: (draft) => {
      const next: FieldErrors = {};
      if (!draft.name.trim()) next.name = t("adminTypes.nameMissing");
      if (!/^[a-z][a-z_]{1,59}$/.test(draft.specialty)) next.specialty = t("adminTypes.specialtyInvalid");
      for (const { key, min, max } of NUMBERS) {
        const n = Number(draft[key]);
        if (!/^\d+$/.test(String(draft[key])) || n < min || n > max)
          next[key] = t("adminTypes.numberRange", { min, max });
      }
      draft.questionnaire.forEach((q, i) => {
        if (!/^[a-z0-9_]{1,40}$/.test(q.id)) next[`q${i}_id`] = t("adminTypes.itemIdInvalid", { n: i + 1 });
        if (!q.text.trim()) next[`q${i}_text`] = t("adminTypes.itemTextMissing", { n: i + 1 });
      });
      return next;
    },
    submit: (draft) => {
      const body = {
        name: draft.name.trim(),
        nameEs: draft.nameEs.trim() || null,
        description: draft.description.trim() || null,
        descriptionEs: draft.descriptionEs.trim() || null,
        durationMinutes: Number(draft.durationMinutes),
        modality: draft.modality,
        specialty: draft.specialty,
        bookingKind: draft.bookingKind,
        minimumNoticeMinutes: Number(draft.minimumNoticeMinutes),
        horizonDays: Number(draft.horizonDays),
        bufferBeforeMinutes: Number(draft.bufferBeforeMinutes),
        bufferAfterMinutes: Number(draft.bufferAfterMinutes),
        cancellationNoticeMinutes: Number(draft.cancellationNoticeMinutes),
        questionnaire: draft.questionnaire.map((q) => ({
          ...q,
          text: q.text.trim(),
          ...(q.textEs?.trim() ? { textEs: q.textEs.trim() } : { textEs: undefined }),
        })),
        intakeQuestionnaires: INTAKE.filter((k) => draft.intakeQuestionnaires.includes(k)),
        active: draft.active,
      };
      return existing
        ? api(`/api/admin/visit-types/${existing.id}`, { method: "PATCH", body })
        : api("/api/admin/visit-types", { method: "POST", body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminVisitTypesQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ["catalogue", "visit-types"] });
      await navigate({ to: "/admin/visit-types" });
    },
    // questionnaire items are named q<index>_<part> here ("questionnaire.2.id" → "q2_id")
    labels: {
      name: t("adminTypes.name"),
      nameEs: t("adminTypes.nameEs"),
      description: t("adminTypes.description"),
      descriptionEs: t("adminTypes.descriptionEs"),
      specialty: t("adminTypes.specialty"),
      intakeQuestionnaires: t("adminTypes.intakeTitle"),
    },
    serverField: (path) =>
      path.startsWith("intakeQuestionnaires")
        ? "intakeQuestionnaires"
        : path.replace(/^questionnaire\.(\d+)\.(\w+)$/, "q$1_$2"),
  });
  const { values: draft, errors, set, update: setDraft } = form;

  const setItem = (index: number, patch: Partial<Item>) =>
    setDraft((d) => ({ ...d, questionnaire: d.questionnaire.map((q, i) => (i === index ? { ...q, ...patch } : q)) }));

  const num = (key: keyof Draft, label: string, hint?: string) => (
    <TextField
      name={key}
      label={label}
      description={hint}
      value={String(draft[key])}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: v }))}
      errorMessage={errors[key]}
      inputMode="numeric"
      width="short"
    />
  );

  // the description in each language: the same field, named and hinted for its language
  const describe = (key: "description" | "descriptionEs") => (
    <NoteField
      name={key}
      label={t(`adminTypes.${key}`)}
      description={t(`adminTypes.${key}Hint`)}
      value={draft[key]}
      onChange={set(key)}
      maxLength={500}
    />
  );

  return (
    <Form {...form.formProps} aria-label={t("adminTypes.formLabel")}>
      <TextField
        name="name"
        label={t("adminTypes.name")}
        value={draft.name}
        onChange={set("name")}
        errorMessage={errors.name}
        isRequired
      />
      <TextField name="nameEs" label={t("adminTypes.nameEs")} value={draft.nameEs} onChange={set("nameEs")} />
      {describe("description")}
      {describe("descriptionEs")}
      <TextField
        name="specialty"
        label={t("adminTypes.specialty")}
        description={t("adminTypes.specialtyHint")}
        value={draft.specialty}
        onChange={set("specialty")}
        errorMessage={errors.specialty}
        width="medium"
        spellCheck={false}
      />
      <Select
        name="modality"
        label={t("adminTypes.modality")}
        options={[
          { id: "in_person", label: t("modality.in_person") },
          { id: "video", label: t("modality.video") },
        ]}
        value={draft.modality}
        onChange={(v) => set("modality")(v === "video" ? "video" : "in_person")}
        width="medium"
      />
      <Select
        name="bookingKind"
        label={t("adminTypes.bookingKind")}
        description={t("adminTypes.bookingKindHint")}
        options={(["established", "new", "referral"] as const).map((k) => ({ id: k, label: t(`kind.${k}`) }))}
        value={draft.bookingKind}
        onChange={(v) => set("bookingKind")(v as BookingKind)}
        width="medium"
      />
      {num("durationMinutes", t("adminTypes.duration"))}
      {num("minimumNoticeMinutes", t("adminTypes.notice"), t("adminTypes.noticeHint"))}
      {num("horizonDays", t("adminTypes.horizon"), t("adminTypes.horizonHint"))}
      {num("bufferBeforeMinutes", t("adminTypes.bufferBefore"))}
      {num("bufferAfterMinutes", t("adminTypes.bufferAfter"))}
      {num("cancellationNoticeMinutes", t("adminTypes.cancelNotice"), t("adminTypes.cancelNoticeHint"))}
      <Checkbox isSelected={draft.active} onChange={set("active")} description={t("adminTypes.activeHint")}>
        {t("adminTypes.activeLabel")}
      </Checkbox>
      <fieldset className="card">
        <legend className="card__title">{t("adminTypes.questionsTitle")}</legend>
        <p className="text-muted">{t("adminTypes.questionsLead")}</p>
        {draft.questionnaire.length === 0 ? <p>{t("adminTypes.noQuestions")}</p> : null}
        <ol className="question-list">
          {draft.questionnaire.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place and have no stable id until saved
            <li key={i} className="question-item">
              <TextField
                name={`q${i}_id`}
                label={t("adminTypes.itemId", { n: i + 1 })}
                description={t("adminTypes.itemIdHint")}
                value={q.id}
                onChange={(v) => setItem(i, { id: v })}
                errorMessage={errors[`q${i}_id`]}
                width="medium"
                spellCheck={false}
              />
              <TextField
                name={`q${i}_text`}
                label={t("adminTypes.itemText", { n: i + 1 })}
                value={q.text}
                onChange={(v) => setItem(i, { text: v })}
                errorMessage={errors[`q${i}_text`]}
              />
              <TextField
                name={`q${i}_textEs`}
                label={t("adminTypes.itemTextEs", { n: i + 1 })}
                value={q.textEs ?? ""}
                onChange={(v) => setItem(i, { textEs: v })}
              />
              <Select
                name={`q${i}_type`}
                label={t("adminTypes.itemType", { n: i + 1 })}
                options={(["text", "yes_no", "scale_0_10"] as const).map((k) => ({
                  id: k,
                  label: t(`answerType.${k}`),
                }))}
                value={q.type}
                onChange={(v) => setItem(i, { type: v as Item["type"] })}
                width="medium"
              />
              <Checkbox isSelected={q.required} onChange={(v) => setItem(i, { required: v })}>
                {t("adminTypes.itemRequired", { n: i + 1 })}
              </Checkbox>
              <Button
                variant="secondary"
                onPress={() => setDraft((d) => ({ ...d, questionnaire: d.questionnaire.filter((_, j) => j !== i) }))}
              >
                {t("adminTypes.removeItem", { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          isDisabled={draft.questionnaire.length >= 30}
          onPress={() =>
            setDraft((d) => ({
              ...d,
              questionnaire: [
                ...d.questionnaire,
                { id: `question_${d.questionnaire.length + 1}`, text: "", type: "text", required: false },
              ],
            }))
          }
        >
          {t("adminTypes.addItem")}
        </Button>
      </fieldset>
      <fieldset className="card" id="field-intakeQuestionnaires" tabIndex={-1}>
        <legend className="card__title">{t("adminTypes.intakeTitle")}</legend>
        <p className="text-muted">{t("adminTypes.intakeLead")}</p>
        {INTAKE.map((kind) => (
          <Checkbox
            key={kind}
            name={`intake_${kind}`}
            isSelected={draft.intakeQuestionnaires.includes(kind)}
            onChange={(on) =>
              setDraft((d) => ({
                ...d,
                intakeQuestionnaires: on
                  ? [...d.intakeQuestionnaires.filter((k) => k !== kind), kind]
                  : d.intakeQuestionnaires.filter((k) => k !== kind),
              }))
            }
          >
            {t(kind === "phq9" ? "adminTypes.intakePhq9" : "adminTypes.intakeGad7")}
          </Checkbox>
        ))}
        {errors.intakeQuestionnaires ? <p className="field__error">{errors.intakeQuestionnaires}</p> : null}
      </fieldset>
      <FormActions>
        <Button type="submit" isPending={form.pending}>
          {existing ? t("adminTypes.save") : t("adminTypes.create")}
        </Button>
        <Link to="/admin/visit-types">{t("adminTypes.cancel")}</Link>
      </FormActions>
    </Form>
  );
}
