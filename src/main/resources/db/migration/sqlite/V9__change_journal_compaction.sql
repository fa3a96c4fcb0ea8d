-- The journal keeps every change for 30 days; after that only an item's latest change is kept (an
-- older one of the same item is deleted when a newer one is appended), so the journal grows with the
-- number of items, not with the number of edits. This index finds an item's earlier changes.
CREATE INDEX content_change_by_item ON content_change (type, slug, seq);
