import { effectiveRoles } from "../../app/nav";
import { useMe } from "../../app/session";
import { PatientHome } from "./PatientHome";
import { StaffHome } from "./StaffHome";

/** Each person lands on what matters to them: staff on today's work, patients on their care. */
export function HomePage() {
  const me = useMe();
  if (!me) return null;
  const staff = me.roles.some((r) => r !== "patient");
  if (staff) return <StaffHome me={me} alsoPatient={effectiveRoles(me).includes("patient")} />;
  return <PatientHome />;
}
