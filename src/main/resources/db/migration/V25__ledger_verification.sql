-- Every background verification of the ledger (LedgerWatch: after start and daily): when it ran, how much it walked,
-- and where the first broken link was when there was one. Every node's /actuator/health shows the latest row, whichever
-- node ran it; only ids, places and the kind of problem are kept, no personal data.
CREATE TABLE ledger_verification (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NOT NULL,
    intact             BOOLEAN     NOT NULL,
    chains             BIGINT      NOT NULL,
    entries            BIGINT      NOT NULL,
    break_volunteer_id BIGINT,
    break_entry_id     BIGINT,
    break_seq          INT,
    break_problem      VARCHAR(40),
    CHECK (intact = (break_problem IS NULL))
);
