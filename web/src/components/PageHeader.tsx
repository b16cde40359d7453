import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

interface PageHeaderProps {
  title: string;
  lead?: ReactNode;
  /** a "back" link or breadcrumb rendered above the title */
  before?: ReactNode;
  actions?: ReactNode;
  /** kicker shown above the title, e.g. "Acting for Jamie Rivera" */
  eyebrow?: ReactNode;
}

/** The page's one h1, its lead paragraph, and the document title. */
export function PageHeader({ title, lead, before, actions, eyebrow }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {before ? <div className="page-header__before">{before}</div> : null}
      {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
      <div className="page-header__row">
        <h1 className="page-header__title">{title}</h1>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
      {lead ? <div className="page-header__lead">{lead}</div> : null}
    </header>
  );
}

export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("app.name")}`;
  }, [title, t]);
}
