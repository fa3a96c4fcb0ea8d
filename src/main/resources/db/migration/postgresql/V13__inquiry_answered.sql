-- A coordinator marks an inquiry as answered in the staff workspace (or back as not answered): when and
-- by whom (the staff member's address as it was then). Both empty: not answered.
ALTER TABLE inquiry ADD COLUMN answered_at TIMESTAMPTZ;
ALTER TABLE inquiry ADD COLUMN answered_by TEXT;
