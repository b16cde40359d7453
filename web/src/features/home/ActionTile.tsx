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
