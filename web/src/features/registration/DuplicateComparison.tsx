import type { DuplicateCandidate, Sex } from "@portico/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { formatCalendarDate } from "../../lib/format";

/** The facts of a person that duplicate review compares. */
export interface ComparedPerson {
  name: string;
  preferredName: string | null;
  dateOfBirth: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
}

type Verdict = "same" | "different" | "unknown";

const normal = (s: string | null | undefined) =>
  (s ?? "")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

function comparePhone(typed: string | null, masked: string | null): Verdict {
  const last4 = (typed ?? "").replace(/\D/g, "").slice(-4);
  const other = (masked ?? "").replace(/\D/g, "").slice(-4);
  if (!last4 || !other) return "unknown";
  return last4 === other ? "same" : "different";
}

function compareEmail(typed: string | null, masked: string | null): Verdict {
  if (!typed || !masked) return "unknown";
  const [local = "", domain = ""] = typed.toLowerCase().split("@");
  const [maskedLocal = "", maskedDomain = ""] = masked.toLowerCase().split("@");
  return local[0] === maskedLocal[0] && domain === maskedDomain ? "same" : "different";
}

function compareText(a: string | null, b: string | null): Verdict {
  if (!a || !b) return "unknown";
  return normal(a) === normal(b) ? "same" : "different";
}

/**
 * What was typed beside a chart that may be the same person. Each row says in words whether
 * the two match, so nobody has to rely on colour.
 */
export function DuplicateComparison({
  typed,
  typedHeading,
  candidate,
  actions,
  headingLevel = 3,
}: {
  typed: ComparedPerson;
  typedHeading: string;
  candidate: DuplicateCandidate;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("registration");
  const locale = currentLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const none = t("compare.none");
  // one row a detail: the label is the detail's (compare.<key>)
  const row = (key: string, mine: string, theirs: string, verdict: Verdict) => ({
    key,
    label: t(`compare.${key}`),
    mine,
    theirs,
    verdict,
  });
  const rows = [
    row("name", typed.name, candidate.name, compareText(typed.name, candidate.name)),
    row(
      "preferredName",
      typed.preferredName ?? none,
      candidate.preferredName ?? none,
      compareText(typed.preferredName, candidate.preferredName),
    ),
    row(
      "dateOfBirth",
      formatCalendarDate(typed.dateOfBirth, locale),
      formatCalendarDate(candidate.dateOfBirth, locale),
      typed.dateOfBirth === candidate.dateOfBirth ? "same" : "different",
    ),
    row("sex", t(`sex.${typed.sex}`), t(`sex.${candidate.sex}`), typed.sex === candidate.sex ? "same" : "different"),
    row("phone", typed.phone ?? none, candidate.phoneMasked ?? none, comparePhone(typed.phone, candidate.phoneMasked)),
    row("email", typed.email ?? none, candidate.emailMasked ?? none, compareEmail(typed.email, candidate.emailMasked)),
  ];
  const titleId = `compare-${candidate.id}`;
  return (
    <section className="compare-card" aria-labelledby={titleId}>
      <Heading className="compare-card__title" id={titleId}>
        {t("compare.candidateTitle", { name: candidate.name, mrn: candidate.mrn })}
      </Heading>
      <p>
        {candidate.status === "pending_verification" ? (
          <StatusChip tone="warning">{t("status.pending_verification")}</StatusChip>
        ) : (
          <StatusChip tone="info">{t("status.active")}</StatusChip>
        )}{" "}
        {t("compare.matchedOn", {
          list: candidate.matchedOn.map((m) => t(`compare.match.${m}`)).join(", "),
        })}
      </p>
      <div className="table-wrap">
        <table className="compare">
          <caption className="visually-hidden">{t("compare.caption", { mrn: candidate.mrn })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("compare.detail")}</th>
              <th scope="col">{typedHeading}</th>
              <th scope="col">{t("compare.existing", { mrn: candidate.mrn })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.mine}</td>
                <td>
                  {row.theirs}
                  {row.verdict === "different" ? (
                    <span className="compare__diff">{t("compare.different")}</span>
                  ) : row.verdict === "same" ? (
                    <span className="compare__same">{t("compare.same")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {actions}
    </section>
  );
}
