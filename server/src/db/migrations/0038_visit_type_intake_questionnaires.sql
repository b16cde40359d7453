-- Standard scored questionnaires a visit type asks for before the visit (intake): PHQ-9 and/or
-- GAD-7, answered from the eCheck-in window on the health-updates questionnaire page. A response
-- sent as the intake for a visit names that appointment.
ALTER TABLE visit_types
  ADD COLUMN intake_questionnaires text[] NOT NULL DEFAULT '{}'
    CHECK (intake_questionnaires <@ ARRAY['phq9', 'gad7']::text[]);

ALTER TABLE questionnaire_responses
  ADD COLUMN intake_appointment_id uuid REFERENCES appointments (id);
CREATE INDEX questionnaire_responses_intake_idx ON questionnaire_responses (intake_appointment_id)
  WHERE intake_appointment_id IS NOT NULL;
