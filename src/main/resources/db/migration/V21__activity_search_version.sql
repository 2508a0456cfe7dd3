-- A version of everything a search total depends on, so totals can be kept between searches (ActivitySearchTotals).
--
-- Counting is what is left of the search's cost: a word that occurs in one activity of twelve makes the total visit
-- some 8,000 rows, 70 ms under load, and the whole city's list counts 100,000 listing rows. The same totals are asked
-- again and again (a category, a district, a common word), and they change only when what they count changes: the
-- listing (listed, next shift, free places, category, organiser, place), an activity's words or point, a shift's
-- time or status. Each of those bumps the version below, and a total is kept only for the version it was counted in.
--
-- The bump is a deferred trigger, so it is the last write of its transaction: the version commits together with
-- what it describes (a reader never sees the new version before the new rows), and the one row is locked only for
-- the commit itself, after every other lock the transaction takes (no lock-order cycle with shifts or activities).
-- Sign-ups change a shift's counters without bumping, unless the shift fills or frees its last place.
CREATE TABLE activity_search_version (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version  BIGINT NOT NULL
);
INSERT INTO activity_search_version (version) VALUES (1);

CREATE FUNCTION bump_activity_search_version() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activity_search_version SET version = version + 1;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER activity_search_version_of_new_listing
    AFTER INSERT OR DELETE ON activity_listing
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    EXECUTE FUNCTION bump_activity_search_version();

-- Every refresh rewrites the row (refreshed_at); only a change of what searches read counts.
CREATE CONSTRAINT TRIGGER activity_search_version_of_changed_listing
    AFTER UPDATE ON activity_listing
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD.listed, OLD.next_shift_at, OLD.has_free_places, OLD.category, OLD.organisation_id, OLD.located)
          IS DISTINCT FROM (NEW.listed, NEW.next_shift_at, NEW.has_free_places, NEW.category, NEW.organisation_id,
                            NEW.located))
    EXECUTE FUNCTION bump_activity_search_version();

CREATE CONSTRAINT TRIGGER activity_search_version_of_activity
    AFTER UPDATE OF title, description, latitude, longitude ON activity
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD.title, OLD.description, OLD.latitude, OLD.longitude)
          IS DISTINCT FROM (NEW.title, NEW.description, NEW.latitude, NEW.longitude))
    EXECUTE FUNCTION bump_activity_search_version();

CREATE CONSTRAINT TRIGGER activity_search_version_of_new_shift
    AFTER INSERT OR DELETE ON shift
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    EXECUTE FUNCTION bump_activity_search_version();

CREATE CONSTRAINT TRIGGER activity_search_version_of_changed_shift
    AFTER UPDATE OF starts_at, ends_at, status ON shift
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD.starts_at, OLD.ends_at, OLD.status) IS DISTINCT FROM (NEW.starts_at, NEW.ends_at, NEW.status))
    EXECUTE FUNCTION bump_activity_search_version();
