-- Visit types carry a Spanish description beside the Spanish name (empty: the English one is shown).
ALTER TABLE visit_types ADD COLUMN description_es text;

-- A waitlist request is either the patient's "tell me if an earlier time opens up" (earlier), or
-- the clinic's offer of new times after it cancelled the visit because the provider is
-- unavailable (rebook): accepting a rebook offer books the new time instead of moving a live visit.
ALTER TABLE waitlist_requests
  ADD COLUMN kind text NOT NULL DEFAULT 'earlier' CHECK (kind IN ('earlier', 'rebook'));
