-- A random token per message, chosen when it is written to the outbox: with the row's id it makes the
-- message's Message-ID, the same on every attempt and unlike any other database's row with that id, so
-- that a message sent again (a crash after the mail server accepted it) is recognised as a duplicate.
-- Every insert writes it; messages already waiting get one here.
ALTER TABLE mail_outbox ADD COLUMN message_token TEXT;
UPDATE mail_outbox SET message_token = substr(md5(random()::text || id::text), 1, 16);
