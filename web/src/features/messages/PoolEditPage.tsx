import { MESSAGE_TOPICS, type MessagePool, type MessagePoolList, type MessageTopic } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { RecordWait } from "../../kit/RecordWait";
import { useForm } from "../../kit/use-form";
import { SavedNotice } from "../../kit/views";
import { BackToMessaging } from "./BackToMessaging";
import { adminPoolsQuery, savePool } from "./data";
import { QuickReplies } from "./QuickReplies";
import "./messages.css";

/** Admins: one message pool — who reads it, where, how fast, which topics — and its quick replies. */
export function PoolEditPage() {
  const { t } = useTranslation("messages");
  const { poolId } = getRouteApi("/signed-in/admin/messaging/pools/$poolId").useParams();
  const pools = useQuery(adminPoolsQuery());
  const back = <BackToMessaging />;
  if (pools.isPending || pools.isError)
    return (
      <RecordWait
        query={pools}
        before={back}
        loadingTitle={t("admin.loadingPool")}
        loadingLabel={t("admin.loading")}
        failedTitle={t("admin.loadFailed")}
      />
    );
  const existing = poolId === "new" ? null : (pools.data.pools.find((p) => p.id === poolId) ?? undefined);
  if (existing === undefined)
    return (
      <div className="stack">
        <PageHeader title={t("admin.poolNotFound")} before={back} />
        <p>{t("admin.poolNotFoundText")}</p>
      </div>
    );
  return (
    <div className="stack">
      <PageHeader title={existing ? t("admin.editPool", { name: existing.name }) : t("admin.newPool")} before={back} />
      <PoolForm key={existing?.id ?? "new"} existing={existing} data={pools.data} />
      {existing ? <QuickReplies pool={existing} /> : null}
    </div>
  );
}

interface PoolDraft {
  name: string;
  readersDescription: string;
  readersDescriptionEs: string;
  locationId: string;
  target: string;
  members: string[];
  topics: MessageTopic[];
  active: boolean;
}

function PoolForm({ existing, data }: { existing: MessagePool | null; data: MessagePoolList }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const form = useForm<PoolDraft, MessagePool>({
    initial: () => ({
      name: existing?.name ?? "",
      readersDescription: existing?.readersDescription ?? "",
      readersDescriptionEs: existing?.readersDescriptionEs ?? "",
      locationId: existing?.location.id ?? "",
      target: String(existing?.responseTargetBusinessHours ?? 8),
      members: existing?.members.map((m) => m.userId) ?? [],
      topics: existing?.topics ?? [],
      active: existing?.active ?? true,
    }),
    labels: {
      name: t("admin.name"),
      readersDescription: t("admin.readersEn"),
      readersDescriptionEs: t("admin.readersEs"),
      locationId: t("admin.location"),
      target: t("admin.target"),
    },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.name.trim()) e.name = t("admin.errors.name");
      if (!v.readersDescription.trim()) e.readersDescription = t("admin.errors.readers");
      if (!v.readersDescriptionEs.trim()) e.readersDescriptionEs = t("admin.errors.readers");
      if (!v.locationId) e.locationId = t("admin.errors.location");
      const n = Number(v.target);
      if (!Number.isInteger(n) || n < 1 || n > 240) e.target = t("admin.errors.target");
      return e;
    },
    serverField: (path) =>
      path === "responseTargetBusinessHours" ? "target" : path.startsWith("memberUserIds") ? "members" : path,
    submit: (v) =>
      savePool(queryClient, existing?.id ?? null, {
        name: v.name.trim(),
        readersDescription: v.readersDescription.trim(),
        readersDescriptionEs: v.readersDescriptionEs.trim(),
        locationId: v.locationId,
        responseTargetBusinessHours: Number(v.target),
        memberUserIds: v.members,
        topics: v.topics,
        active: v.active,
      }),
    onSuccess: (saved) => {
      if (!existing) navigateTo(`/admin/messaging/pools/${saved.id}`);
    },
  });
  const v = form.values;
  const toggle = <T extends string>(list: T[], item: T, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  const owner = (topic: MessageTopic) => data.pools.find((p) => p.id !== existing?.id && p.topics.includes(topic));
  return (
    <Form {...form.formProps} aria-label={t("admin.poolForm")}>
      <SavedNotice show={form.saved} title={t("admin.poolSaved")} />
      <TextField {...form.field("name")} label={t("admin.name")} isRequired />
      <TextField
        {...form.field("readersDescription")}
        label={t("admin.readersEn")}
        description={t("admin.readersHint")}
        isRequired
      />
      <TextField
        {...form.field("readersDescriptionEs")}
        label={t("admin.readersEs")}
        description={t("admin.readersHint")}
        isRequired
        lang="es"
      />
      <Select
        {...form.field("locationId")}
        label={t("admin.location")}
        description={t("admin.locationHint")}
        placeholder={t("admin.choose")}
        options={data.choices.locations.map((l) => ({ id: l.id, label: l.name }))}
        isRequired
      />
      <TextField
        {...form.field("target")}
        type="number"
        inputMode="numeric"
        width="short"
        label={t("admin.target")}
        description={t("admin.targetHint")}
        isRequired
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("admin.members")}</legend>
        <p className="field__hint">{t("admin.membersHint")}</p>
        {form.errors.members ? <p className="field__error">{form.errors.members}</p> : null}
        {data.choices.clinicians.map((c) => (
          <Checkbox
            key={c.userId}
            isSelected={v.members.includes(c.userId)}
            onChange={(on) => form.set("members")(toggle(v.members, c.userId, on))}
          >
            {c.displayName} ({c.roles.map((r) => t(`admin.roles.${r}`)).join(", ")})
          </Checkbox>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("admin.topics")}</legend>
        <p className="field__hint">{t("admin.topicsHint")}</p>
        {MESSAGE_TOPICS.map((topic) => {
          const other = owner(topic);
          return (
            <Checkbox
              key={topic}
              isSelected={v.topics.includes(topic)}
              onChange={(on) => form.set("topics")(toggle(v.topics, topic, on))}
              description={other && !v.topics.includes(topic) ? t("admin.topicOwned", { pool: other.name }) : undefined}
            >
              {t(`topics.${topic}.name`)}
            </Checkbox>
          );
        })}
      </fieldset>
      <Checkbox {...form.checkbox("active")} description={t("admin.activeHint")}>
        {t("admin.active")}
      </Checkbox>
      <FormActions>
        <Button type="submit" isPending={form.pending}>
          {existing ? t("admin.savePool") : t("admin.createPool")}
        </Button>
      </FormActions>
    </Form>
  );
}
