-- The event's schedule (event_tally.schedule's form: time, place, join link, status) as this registrant's
-- last mail stated it. A server whose content was a moment behind may confirm a seat with the time as it
-- was; the notices compare each registrant's schedule_told with the event's and send the current one to
-- whoever was told something else. Null: written before this column (taken as the event's schedule then).
ALTER TABLE event_registration ADD COLUMN schedule_told TEXT;
