import type { ActingPatient } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Icon, type IconName } from "../../components/Icon";
import { Link } from "../../components/Link";

interface ActionTileProps {
  to: string;
  icon: IconName;
  title: string;
  text: string;
}

/** A large, thumb-friendly link to one task. */
export function ActionTile({ to, icon, title, text }: ActionTileProps) {
  return (
    <li>
      <Link to={to} className="action-tile">
        <Icon name={icon} className="action-tile__icon" />
        <span>
          <span className="action-tile__title">{title}</span>
          <span className="action-tile__text">{text}</span>
        </span>
      </Link>
    </li>
  );
}

/** A tile by its words' keys: where it goes, its icon, its title and its line of text. */
export type TileKeys = readonly [to: string, icon: IconName, title: string, text: string];

/** Tiles from their keys, in order; `false` leaves one out (a tile the user may not use). */
export function ActionTiles({ tiles, t }: { tiles: (TileKeys | false)[]; t: (key: string) => string }) {
  return (
    <>
      {tiles.map((tile) =>
        tile ? <ActionTile key={tile[0]} to={tile[0]} icon={tile[1]} title={t(tile[2])} text={t(tile[3])} /> : null,
      )}
    </>
  );
}

/** A feature's tile for the patient in view: `home.tileTitle`, and `home.tileText` (or `.tileTextFor` another's name) of its words. */
export function PatientTile({
  ns,
  patient,
  to,
  icon,
}: {
  ns: string;
  patient: ActingPatient;
  to: string;
  icon: IconName;
}) {
  const { t } = useTranslation(ns);
  return (
    <ActionTile
      to={to}
      icon={icon}
      title={t("home.tileTitle")}
      text={patient.relationship === "self" ? t("home.tileText") : t("home.tileTextFor", { name: patient.name })}
    />
  );
}
