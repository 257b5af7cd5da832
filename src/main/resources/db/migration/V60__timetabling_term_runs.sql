-- Timetabling a term's real sections (ADR 0056). A pinned section keeps its meetings: the solver treats them as
-- pinned lectures and never proposes to move them. A run started for a term remembers the term and how the
-- instance's courses, rooms and periods map back onto sections, rooms and meeting times (term_map), with a
-- fingerprint of each section as it was when the run started, so that accepting refuses sections changed since.
ALTER TABLE scheduling_section ADD COLUMN pinned boolean NOT NULL DEFAULT FALSE;
ALTER TABLE timetabling_run ADD COLUMN term_id uuid REFERENCES scheduling_term (id);
ALTER TABLE timetabling_run ADD COLUMN term_map text;
