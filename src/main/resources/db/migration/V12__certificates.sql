-- Certificates of service records (志愿服务记录证明). The content (JSON, ID number masked) and the PDF are frozen at
-- issue; a later correction of the volunteer's ledger marks the certificate superseded, it never rewrites it.
-- The number is random (80 bits), so it can be published on paper and checked by anyone at /verify/{number}.
CREATE TABLE certificate (
    number           VARCHAR(24) PRIMARY KEY,
    volunteer_id     BIGINT      NOT NULL REFERENCES volunteer (id),
    content          JSONB       NOT NULL,
    pdf              BYTEA       NOT NULL,
    total_hours      NUMERIC(9, 1) NOT NULL CHECK (total_hours >= 0),
    issued_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    issued_by        BIGINT      NOT NULL,
    superseded_at    TIMESTAMPTZ,
    superseded_because VARCHAR(200),
    CHECK ((superseded_at IS NULL) = (superseded_because IS NULL))
);
CREATE INDEX certificate_volunteer_idx ON certificate (volunteer_id, issued_at DESC);
-- Content and PDF never change once written; only the superseded mark may be set, once.
CREATE FUNCTION certificate_frozen() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.number <> OLD.number OR NEW.volunteer_id <> OLD.volunteer_id
            OR NEW.content <> OLD.content OR NEW.pdf <> OLD.pdf OR NEW.total_hours <> OLD.total_hours
            OR NEW.issued_at <> OLD.issued_at OR NEW.issued_by <> OLD.issued_by OR OLD.superseded_at IS NOT NULL THEN
        RAISE EXCEPTION 'an issued certificate is frozen: only marking it superseded, once, is allowed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER certificate_frozen BEFORE UPDATE OR DELETE ON certificate
    FOR EACH ROW EXECUTE FUNCTION certificate_frozen();
