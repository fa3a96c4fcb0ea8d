-- What a message is for: 'notification' (the question, to the coordinator) or 'receipt' (the
-- applicant's confirmation). An inquiry's e-mail status is that of its notification.
ALTER TABLE mail_outbox ADD COLUMN purpose TEXT NOT NULL DEFAULT 'notification';
