import { useMe } from "../../app/session";
import { PatientHome } from "./PatientHome";
import { StaffHome } from "./StaffHome";

/** Each person lands on what matters to them: staff on today's work, patients on their care. */
export function HomePage() {
  const me = useMe();
  if (!me) return null;
  if (me.abilities.staffWork) return <StaffHome me={me} alsoPatient={me.abilities.patientSide} />;
  return <PatientHome />;
}
