package org.leifeng.platform;

/**
 * A module's share of the demo city. Contributors run in ascending {@link #order()}, each at most once per
 * database (its {@link #key()} is recorded), so a module added later loads its demo data on the next start.
 */
public interface DemoDataContributor {

    /** A stable name recorded once this contributor has loaded, e.g. {@code organisation.kaifeng}. */
    String key();

    /** Lower runs first: organisations before accounts before volunteers. */
    int order();

    /** Loads the data; runs in one transaction with the record of {@link #key()}. */
    void load();
}
