import {
  type HolidayList,
  MESSAGE_BODY_MAX,
  MESSAGE_TOPICS,
  type MessagePool,
  type MessagePoolList,
  type MessageTopic,
  type QuickReply,
} from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { RecordWait } from "../../kit/RecordWait";
import { type FormApi, useForm } from "../../kit/use-form";
import { LoadFailed, SavedNotice } from "../../kit/views";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import { NoteField } from "../appointments/parts";
import {
  adminPoolsQuery,
  deleteQuickReply,
  holidaysQuery,
  quickRepliesQuery,
  saveHolidays,
  savePool,
  saveQuickReply,
} from "./data";
import "./messages.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Back({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="back-link">
      {label}
    </Link>
  );
}

/** Admins: message pools (who reads which topics, how fast) and each location's business hours and holidays. */
export function MessagePoolsPage() {
  const { t } = useTranslation("messages");
  const pools = useQuery(adminPoolsQuery());
  const header = <PageHeader title={t("admin.title")} lead={<p>{t("admin.intro")}</p>} />;
  if (pools.isPending)
    return (
      <div className="stack">
        {header}
        <LoadingState label={t("admin.loading")} />
      </div>
    );
  if (pools.isError)
    return (
      <div className="stack">
        {header}
        <LoadFailed error={pools.error} title={t("admin.loadFailed")} />
      </div>
    );
  return (
    <div className="stack">
      {header}
      <PoolTable data={pools.data} />
      <LocationHours data={pools.data} />
    </div>
  );
}

function PoolTable({ data }: { data: MessagePoolList }) {
  const { t } = useTranslation("messages");
  return (
    <section aria-labelledby="pools-title" className="stack">
      <div className="section-head">
        <h2 id="pools-title" className="section-title">
          {t("admin.poolsTitle")}
        </h2>
        <ButtonLink to="/admin/messaging/pools/$poolId" params={{ poolId: "new" }}>
          {t("admin.newPool")}
        </ButtonLink>
      </div>
      {data.pools.length === 0 ? (
        <p>{t("admin.noPools")}</p>
      ) : (
        <ul className="settings-list">
          {data.pools.map((p) => (
            <li key={p.id} className="settings-list__item">
              <h3 className="settings-list__title">
                <Link to="/admin/messaging/pools/$poolId" params={{ poolId: p.id }}>
                  {p.name}
                </Link>
                {p.active ? null : <span className="text-muted"> · {t("admin.inactive")}</span>}
              </h3>
              <p>
                {t("admin.poolFacts", {
                  location: p.location.name,
                  hours: p.responseTargetBusinessHours,
                  count: p.members.length,
                })}
              </p>
              <p className="text-muted">
                {p.topics.length
                  ? t("admin.routes", { topics: p.topics.map((x) => t(`topics.${x}.name`)).join(", ") })
                  : t("admin.noTopics")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LocationHours({ data }: { data: MessagePoolList }) {
  const { t } = useTranslation("messages");
  return (
    <section aria-labelledby="hours-title" className="stack">
      <h2 id="hours-title" className="section-title">
        {t("admin.hoursTitle")}
      </h2>
      <p className="text-muted">{t("admin.hoursIntro")}</p>
      <ul className="settings-list">
        {data.choices.locations.map((l) => (
          <li key={l.id} className="settings-list__item">
            <h3 className="settings-list__title">{l.name}</h3>
            <p>
              {l.hours.length
                ? WEEKDAYS.filter((d) => l.hours.some((h) => h.weekday === d))
                    .map((d) => {
                      const h = l.hours.find((x) => x.weekday === d);
                      return `${t(`weekdays.${d}`)} ${h?.open}–${h?.close}`;
                    })
                    .join(" · ")
                : t("admin.noHours")}
            </p>
            <div className="row-actions">
              <Link to="/admin/locations/$locationId" params={{ locationId: l.id }}>
                {t("admin.changeHours", { name: l.name })}
              </Link>
              <Link to="/admin/messaging/holidays/$locationId" params={{ locationId: l.id }}>
                {t("admin.holidaysLink", { name: l.name })}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- one pool ----

export function PoolEditPage() {
  const { t } = useTranslation("messages");
  const { poolId } = getRouteApi("/signed-in/admin/messaging/pools/$poolId").useParams();
  const pools = useQuery(adminPoolsQuery());
  const back = <Back to="/admin/messaging" label={t("admin.back")} />;
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
        value={v.locationId || null}
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

function QuickReplies({ pool }: { pool: MessagePool }) {
  const { t, i18n } = useTranslation("messages");
  const queryClient = useQueryClient();
  const replies = useQuery(quickRepliesQuery(pool.id));
  const [editing, setEditing] = useState<QuickReply | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; title: string } | null>(null);
  return (
    <section aria-labelledby="quick-title" className="stack">
      <h2 id="quick-title" className="section-title">
        {t("admin.quickTitle", { pool: pool.name })}
      </h2>
      <p className="text-muted">{t("admin.quickIntro")}</p>
      <div aria-live="polite">{notice ? <Alert tone={notice.tone} title={notice.title} headingLevel={3} /> : null}</div>
      {replies.isPending ? (
        <LoadingState label={t("admin.loading")} />
      ) : replies.isError ? (
        <LoadFailed error={replies.error} />
      ) : replies.data.quickReplies.length === 0 ? (
        <p>{t("admin.noQuick")}</p>
      ) : (
        <ul className="settings-list">
          {replies.data.quickReplies.map((q) => (
            <li key={q.id} className="settings-list__item">
              <h3 className="settings-list__title">{q.title}</h3>
              <p className="message-body">{q.body}</p>
              <div className="row-actions">
                <Button
                  variant="secondary"
                  onPress={() => setEditing(q)}
                  aria-label={t("admin.editQuickNamed", { title: q.title })}
                >
                  {t("admin.editQuick")}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t("admin.deleteQuickNamed", { title: q.title })}
                  onPress={() =>
                    void deleteQuickReply(queryClient, pool.id, q.id)
                      .then(() => setNotice({ tone: "success", title: t("admin.quickDeleted", { title: q.title }) }))
                      .catch((e) => setNotice({ tone: "error", title: errorMessage(e, i18n.t, i18n.exists) }))
                  }
                >
                  {t("admin.deleteQuick")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <QuickReplyForm
        key={editing?.id ?? "new"}
        poolId={pool.id}
        existing={editing}
        onDone={(title) => {
          setEditing(null);
          setNotice({ tone: "success", title });
        }}
      />
    </section>
  );
}

function QuickReplyForm({
  poolId,
  existing,
  onDone,
}: {
  poolId: string;
  existing: QuickReply | null;
  onDone: (title: string) => void;
}) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const form = useForm<{ title: string; body: string }, QuickReply>({
    initial: { title: existing?.title ?? "", body: existing?.body ?? "" },
    labels: { quickTitle: t("admin.quickName"), quickBody: t("admin.quickBody") },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.title.trim()) e.quickTitle = t("admin.errors.quickTitle");
      if (!v.body.trim()) e.quickBody = t("admin.errors.quickBody");
      return e;
    },
    serverField: (path) => (path === "title" ? "quickTitle" : path === "body" ? "quickBody" : path),
    submit: (v) => saveQuickReply(queryClient, poolId, existing?.id ?? null, { title: v.title.trim(), body: v.body }),
    onSuccess: (saved) => {
      form.reset({ title: "", body: "" });
      onDone(t("admin.quickSaved", { title: saved.title }));
    },
  });
  const heading = existing ? t("admin.editQuickNamed", { title: existing.title }) : t("admin.addQuick");
  return (
    <Form {...form.formProps} aria-label={heading}>
      <h3 className="section-title">{heading}</h3>
      <TextField
        name="quickTitle"
        label={t("admin.quickName")}
        value={form.values.title}
        onChange={form.set("title")}
        errorMessage={form.errors.quickTitle}
        isRequired
      />
      <NoteField
        name="quickBody"
        label={t("admin.quickBody")}
        value={form.values.body}
        onChange={form.set("body")}
        maxLength={MESSAGE_BODY_MAX}
        errorMessage={form.errors.quickBody}
      />
      <FormActions>
        <Button type="submit" variant="secondary" isPending={form.pending}>
          {existing ? t("admin.saveQuick") : t("admin.addQuick")}
        </Button>
      </FormActions>
    </Form>
  );
}

// ---- a location's holidays ----

export function HolidaysPage() {
  const { t } = useTranslation("messages");
  const { locationId } = getRouteApi("/signed-in/admin/messaging/holidays/$locationId").useParams();
  const pools = useQuery(adminPoolsQuery());
  const holidays = useQuery(holidaysQuery(locationId));
  const back = <Back to="/admin/messaging" label={t("admin.back")} />;
  const location = pools.data?.choices.locations.find((l) => l.id === locationId);
  if (holidays.isPending || pools.isPending)
    return (
      <div className="stack">
        <PageHeader title={t("admin.holidaysLoading")} before={back} />
        <LoadingState label={t("admin.loading")} />
      </div>
    );
  if (holidays.isError || pools.isError || !location)
    return (
      <div className="stack">
        <PageHeader title={t("admin.loadFailed")} before={back} />
        <LoadFailed error={holidays.error ?? pools.error} />
      </div>
    );
  return (
    <div className="stack">
      <PageHeader title={t("admin.holidaysTitle", { name: location.name })} before={back} />
      <p>{t("admin.holidaysIntro")}</p>
      <HolidayForm locationId={locationId} initial={holidays.data.holidays} />
    </div>
  );
}

function HolidayForm({ locationId, initial }: { locationId: string; initial: { date: string; name: string }[] }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  type Draft = { holidays: { date: string; name: string }[]; date: string; name: string };
  const form: FormApi<Draft> = useForm<Draft, HolidayList>({
    initial: { holidays: initial, date: "", name: "" },
    validate: (v) => {
      const e: FieldErrors = {};
      if (v.date || v.name) {
        if (!ISO_DATE.test(v.date)) e.date = t("admin.errors.date");
        if (!v.name.trim()) e.name = t("admin.errors.holidayName");
        if (v.holidays.some((h) => h.date === v.date)) e.date = t("admin.errors.sameDay");
      }
      return e;
    },
    serverField: (path) => (path.endsWith(".date") ? "date" : path.endsWith(".name") ? "name" : undefined),
    submit: (v) => {
      const next = v.date ? [...v.holidays, { date: v.date, name: v.name.trim() }] : v.holidays;
      return saveHolidays(queryClient, locationId, {
        holidays: [...next].sort((a, b) => a.date.localeCompare(b.date)),
      });
    },
    onSuccess: (saved: HolidayList) => form.reset({ holidays: saved.holidays, date: "", name: "" }),
  });
  const list = form.values.holidays;
  return (
    <Form {...form.formProps} aria-label={t("admin.holidaysForm")}>
      <SavedNotice show={form.saved} title={t("admin.holidaysSaved")} />
      {list.length === 0 ? (
        <p>{t("admin.noHolidays")}</p>
      ) : (
        <ul className="settings-list" aria-label={t("admin.holidaysList")}>
          {list.map((h) => (
            <li key={h.date} className="settings-list__item settings-list__item--row">
              <span>
                <strong>{formatCalendarDate(h.date, locale)}</strong> — {h.name}
              </span>
              <Button
                variant="quiet"
                onPress={() => form.set("holidays")(list.filter((x) => x.date !== h.date))}
                aria-label={t("admin.removeHolidayNamed", { name: h.name })}
              >
                {t("admin.removeHoliday")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("admin.addHoliday")}</legend>
        <TextField {...form.field("date")} type="date" width="medium" label={t("admin.holidayDate")} />
        <TextField {...form.field("name")} label={t("admin.holidayName")} />
      </fieldset>
      <FormActions>
        <Button type="submit" isPending={form.pending}>
          {t("admin.saveHolidays")}
        </Button>
      </FormActions>
    </Form>
  );
}
