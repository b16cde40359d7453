import type { RefillProtocol, RefillProtocolView } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { Loaded, SavedNotice } from "../../kit/views";
import { BackToSetup } from "../clinic-admin/shared";
import { refillProtocolQuery, saveRefillProtocol } from "./data";
import { dayAndTime as when } from "./format";
import { bodyOf, type ClassDraft, CODE, check, draftOf, type LabDraft, type ProtocolDraft } from "./protocol-draft";
import "./refills.css";

/** The clinic's refill protocol: what a renewal needs to be approved without the prescriber. Saving makes a new version. */
export function RefillProtocolPage() {
  const { t } = useTranslation("refills");
  const view = useQuery(refillProtocolQuery);
  // the form starts afresh on the new version, so the confirmation lives here
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <div className="stack">
      <PageHeader title={t("protocol.title")} lead={<p>{t("protocol.lead")}</p>} before={<BackToSetup />} />
      <Loaded query={view} failed={t("protocol.loadFailed")}>
        {(data) => (
          <>
            {savedVersion !== null && savedVersion === data.current.version ? (
              <SavedNotice show title={t("protocol.savedTitle", { version: savedVersion })} />
            ) : null}
            <ProtocolForm key={data.current.version} view={data} onSaved={setSavedVersion} />
          </>
        )}
      </Loaded>
    </div>
  );
}

function ProtocolForm({ view, onSaved }: { view: RefillProtocolView; onSaved: (version: number) => void }) {
  const { t } = useTranslation("refills");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const current = view.current;
  const canEdit = view.abilities.canEdit;
  const [confirming, setConfirming] = useState(false);
  const form = useForm<ProtocolDraft, RefillProtocol>({
    initial: () => draftOf(current),
    labels: {
      visitWindowDays: t("protocol.visitWindow"),
      earlyRefillFraction: t("protocol.early"),
    },
    validate: (v) => check(v, t),
    submit: (v) => saveRefillProtocol(queryClient, bodyOf(v)),
    onSuccess: (saved) => {
      setConfirming(false);
      onSaved(saved.version);
    },
  });
  const v = form.values;
  const setClass = (i: number, patch: Partial<ClassDraft>) =>
    form.update((d) => ({ ...d, classes: d.classes.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const setLab = (i: number, patch: Partial<LabDraft>) =>
    form.update((d) => ({
      ...d,
      labRequirements: d.labRequirements.map((l, j) => (j === i ? { ...l, ...patch } : l)),
    }));
  /** a text field of row `i` of a list: named by the server's field path, its error from that path */
  const rowField =
    <R extends object>(list: string, i: number, row: R, setRow: (i: number, patch: Partial<R>) => void) =>
    (key: keyof R & string) => {
      const name = `${list}.${i}.${key}`;
      return {
        name,
        value: row[key] as string,
        onChange: (value: string) => setRow(i, { [key]: value } as Partial<R>),
        errorMessage: form.errors[name],
      };
    };
  const classOptions = v.classes
    .filter((c) => CODE.test(c.code.trim()))
    .map((c) => ({ id: c.code.trim(), label: c.label.trim() || c.code.trim() }));

  return (
    <>
      <section aria-labelledby="version-title" className="protocol-version">
        <h2 id="version-title" className="section-title">
          {t("protocol.version", { version: current.version })}
        </h2>
        <p className="text-muted">
          {current.createdBy
            ? t("protocol.savedBy", { name: current.createdBy, date: when(current.createdAt, locale) })
            : t("protocol.savedAt", { date: when(current.createdAt, locale) })}
        </p>
      </section>
      {!canEdit ? (
        <Alert tone="info" title={t("protocol.readOnlyTitle")}>
          <p>{t("protocol.readOnlyBody")}</p>
        </Alert>
      ) : null}
      <Form
        {...form.formProps}
        onSubmit={() => {
          // the checks first (a failed check shows the summary and sends nothing); then the
          // dialog asks before a new version is made
          if (Object.keys(check(form.values, t)).length > 0) void form.submit();
          else setConfirming(true);
        }}
        aria-label={t("protocol.title")}
      >
        <ProtocolRows
          legend={t("protocol.classesTitle")}
          hint={t("protocol.classesHint")}
          rows={v.classes}
          canEdit={canEdit}
          addLabel={t("protocol.addClass")}
          onAdd={() => form.update((d) => ({ ...d, classes: [...d.classes, { code: "", label: "" }] }))}
          removeLabel={(c, i) => t("protocol.removeClass", { name: c.label || c.code || i + 1 })}
          onRemove={(i) => form.update((d) => ({ ...d, classes: d.classes.filter((_, j) => j !== i) }))}
        >
          {(c, i) => (
            <>
              <TextField
                {...rowField("classes", i, c, setClass)("label")}
                label={t("protocol.classLabel", { n: i + 1 })}
                isRequired
              />
              <TextField
                {...rowField("classes", i, c, setClass)("code")}
                label={t("protocol.classCode", { n: i + 1 })}
                description={t("protocol.codeHint")}
                width="medium"
                isRequired
              />
            </>
          )}
        </ProtocolRows>
        <TextField
          {...form.field("visitWindowDays")}
          label={t("protocol.visitWindow")}
          description={t("protocol.visitWindowHint")}
          inputMode="numeric"
          width="short"
          isRequired
          isDisabled={!canEdit}
        />
        <TextField
          {...form.field("earlyRefillFraction")}
          label={t("protocol.early")}
          description={t("protocol.earlyHint")}
          inputMode="text"
          width="short"
          isRequired
          isDisabled={!canEdit}
        />
        <ProtocolRows
          legend={t("protocol.labsTitle")}
          hint={t("protocol.labsHint")}
          empty={t("protocol.noLabs")}
          rows={v.labRequirements}
          canEdit={canEdit}
          addLabel={t("protocol.addLab")}
          onAdd={() =>
            form.update((d) => ({
              ...d,
              labRequirements: [...d.labRequirements, { classCode: "", labCode: "", labName: "", maxAgeDays: "365" }],
            }))
          }
          removeLabel={(l, i) => t("protocol.removeLab", { name: l.labName || i + 1 })}
          onRemove={(i) => form.update((d) => ({ ...d, labRequirements: d.labRequirements.filter((_, j) => j !== i) }))}
        >
          {(l, i) => (
            <>
              <Select
                {...rowField("labRequirements", i, l, setLab)("classCode")}
                label={t("protocol.labClass", { n: i + 1 })}
                options={classOptions}
                placeholder={t("protocol.choose")}
                isRequired
                width="medium"
              />
              <TextField
                {...rowField("labRequirements", i, l, setLab)("labName")}
                label={t("protocol.labName", { n: i + 1 })}
                isRequired
              />
              <TextField
                {...rowField("labRequirements", i, l, setLab)("labCode")}
                label={t("protocol.labCode", { n: i + 1 })}
                description={t("protocol.codeHint")}
                width="medium"
                isRequired
              />
              <TextField
                {...rowField("labRequirements", i, l, setLab)("maxAgeDays")}
                label={t("protocol.labAge", { n: i + 1 })}
                inputMode="numeric"
                width="short"
                isRequired
              />
            </>
          )}
        </ProtocolRows>
        {canEdit ? (
          <FormActions>
            <Button type="submit" isPending={form.pending}>
              {t("protocol.save")}
            </Button>
          </FormActions>
        ) : null}
      </Form>
      <Dialog
        title={t("protocol.confirmTitle", { version: current.version + 1 })}
        isOpen={confirming}
        onOpenChange={setConfirming}
      >
        <p>{t("protocol.confirmBody", { version: current.version + 1 })}</p>
        <DialogActions>
          <Button
            isPending={form.pending}
            onPress={async () => {
              await form.submit();
              setConfirming(false);
            }}
          >
            {t("protocol.confirm")}
          </Button>
          <Button variant="secondary" onPress={() => setConfirming(false)}>
            {t("queue.cancel")}
          </Button>
        </DialogActions>
      </Dialog>
      {view.versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title" className="section-title">
            {t("protocol.versionsTitle")}
          </h2>
          <ul className="history__list">
            {view.versions.map((ver) => (
              <li key={ver.version}>
                {t("protocol.versionLine", {
                  version: ver.version,
                  date: when(ver.createdAt, locale),
                  name: ver.createdBy ?? t("protocol.system"),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/**
 * A list of positional rows in the protocol (drug classes, lab requirements): a fieldset with its
 * hint, one row per item ending in its "Remove" button, then "Add"; the buttons only for an editor.
 */
function ProtocolRows<R>({
  legend,
  hint,
  empty,
  rows,
  canEdit,
  addLabel,
  onAdd,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  hint: string;
  /** said when there are no rows (by default nothing) */
  empty?: string;
  rows: R[];
  canEdit: boolean;
  addLabel: string;
  onAdd: () => void;
  /** the row's "Remove" button's name (which row it removes) */
  removeLabel: (row: R, i: number) => string;
  onRemove: (i: number) => void;
  /** the row's fields */
  children: (row: R, i: number) => ReactNode;
}) {
  const { t } = useTranslation("refills");
  return (
    <fieldset className="fieldset" disabled={!canEdit}>
      <legend className="fieldset__legend">{legend}</legend>
      <p className="field__hint">{hint}</p>
      {empty && rows.length === 0 ? <p className="text-muted">{empty}</p> : null}
      <ul className="protocol-rows">
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, the server's field paths too
          <li key={i} className="protocol-row">
            {children(row, i)}
            {canEdit ? (
              <Button variant="quiet" onPress={() => onRemove(i)} aria-label={removeLabel(row, i)}>
                {t("protocol.remove")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Button variant="secondary" onPress={onAdd}>
          {addLabel}
        </Button>
      ) : null}
    </fieldset>
  );
}
