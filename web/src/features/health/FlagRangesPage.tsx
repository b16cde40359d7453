import type { FlagRange, FlagRanges, RangeKey } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { Loaded, SavedNotice } from "../../kit/views";
import { formatDateTime, localTimeZone } from "../../lib/format";
import { flagRangesQuery, saveFlagRanges, unitLabel } from "./data";
import "./health.css";

const LIMITS = ["urgentBelow", "attentionBelow", "attentionAtOrAbove", "urgentAtOrAbove"] as const;
type Limit = (typeof LIMITS)[number];
const NUMBER = /^\s*\d+([.,]\d+)?\s*$/;
const fieldName = (key: RangeKey, limit: Limit) => `${key}_${limit}`;

function toDraft(ranges: FlagRanges["ranges"]): Record<string, string> {
  return Object.fromEntries(
    ranges.flatMap((r) => LIMITS.map((l) => [fieldName(r.key, l), r[l] === null ? "" : String(r[l])])),
  );
}

/** Admins: the limits at which readings and questionnaires are flagged for the care team. */
export function FlagRangesPage() {
  const { t } = useTranslation("health");
  const ranges = useQuery(flagRangesQuery);
  return (
    <div className="stack">
      <PageHeader
        title={t("ranges.title")}
        lead={<p>{t("ranges.lead")}</p>}
        before={
          <Link to="/admin/clinic" className="back-link">
            {t("ranges.back")}
          </Link>
        }
      />
      <Loaded query={ranges} loading={t("ranges.loading")} failed={t("ranges.loadFailed")}>
        {(data) => <RangesForm data={data} />}
      </Loaded>
    </div>
  );
}

function RangesForm({ data }: { data: FlagRanges }) {
  const { t } = useTranslation("health");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const source = useMemo(() => toDraft(data.ranges), [data]);
  const keys = data.ranges.map((r) => r.key);
  const labels = Object.fromEntries(
    data.ranges.flatMap((r) =>
      LIMITS.map((l) => [fieldName(r.key, l), `${t(`ranges.keys.${r.key}`)}: ${t(`ranges.limits.${l}`)}`]),
    ),
  );
  const form = useForm<Record<string, string>, FlagRanges>({
    initial: source,
    source,
    labels,
    validate: (v) => {
      const e: FieldErrors = {};
      for (const [name, value] of Object.entries(v))
        if (value.trim() && !NUMBER.test(value)) e[name] = t("send.errors.number");
      return e;
    },
    serverField: (path) => {
      const m = /^ranges\.(\d+)\.(\w+)$/.exec(path);
      const key = m ? keys[Number(m[1])] : undefined;
      return key && LIMITS.includes(m?.[2] as Limit) ? fieldName(key, m?.[2] as Limit) : undefined;
    },
    submit: (v) =>
      saveFlagRanges(queryClient, {
        ranges: keys.map(
          (key): FlagRange => ({
            key,
            ...(Object.fromEntries(
              LIMITS.map((l) => {
                const raw = v[fieldName(key, l)]?.trim() ?? "";
                return [l, raw ? Number(raw.replace(",", ".")) : null];
              }),
            ) as Record<Limit, number | null>),
          }),
        ),
      }),
  });
  return (
    <Form {...form.formProps} aria-label={t("ranges.title")}>
      <Alert tone="info" title={t("ranges.howTitle")} headingLevel={2}>
        <p>{t("ranges.how")}</p>
      </Alert>
      {data.ranges.map((r) => (
        <fieldset key={r.key} className="health-range">
          <legend className="health-range__legend">
            {r.unit === "score" ? t(`ranges.keys.${r.key}`) : `${t(`ranges.keys.${r.key}`)} (${unitLabel(r.unit)})`}
          </legend>
          <div className="health-range__fields">
            {LIMITS.map((l) => (
              <TextField
                key={l}
                {...form.field(fieldName(r.key, l))}
                label={t(`ranges.limits.${l}`)}
                description={t("ranges.blank")}
                width="short"
                isDisabled={!data.abilities.canEdit}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {data.updatedAt ? (
        <p className="text-muted">
          {t("ranges.updated", {
            who: data.updatedBy ?? "",
            when: formatDateTime(data.updatedAt, localTimeZone(), locale),
          })}
        </p>
      ) : null}
      <SavedNotice show={form.saved} title={t("ranges.saved")} />
      {data.abilities.canEdit ? (
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("ranges.save")}
          </Button>
        </FormActions>
      ) : null}
    </Form>
  );
}
