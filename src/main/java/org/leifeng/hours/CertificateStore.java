package org.leifeng.hours;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The {@code certificate} table (V12): written once, then only ever marked superseded. */
@Repository
class CertificateStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CertificateStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(CertificateContent content, byte[] pdf, long issuedBy) {
        jdbc.sql("""
                INSERT INTO certificate (number, volunteer_id, content, pdf, total_hours, issued_at, issued_by)
                VALUES (:number, :volunteer, :content::jsonb, :pdf, :hours, :issuedAt, :issuedBy)""")
                .param("number", content.number()).param("volunteer", content.volunteerId())
                .param("content", json.writeValueAsString(content)).param("pdf", pdf)
                .param("hours", content.totalHours()).param("issuedAt", content.issuedAt())
                .param("issuedBy", issuedBy).update();
    }

    Optional<Issued> find(String number) {
        return jdbc.sql("""
                SELECT number, volunteer_id, content::text AS content, total_hours, issued_at, superseded_at,
                       superseded_because
                FROM certificate WHERE number = :number""").param("number", number).query(this::issued).optional();
    }

    /** The PDF as issued and whose it is, without reading the content (500 records of JSON) back. */
    Optional<Pdf> pdf(String number) {
        return jdbc.sql("SELECT volunteer_id, pdf FROM certificate WHERE number = :number").param("number", number)
                .query((rs, row) -> new Pdf(rs.getLong(1), rs.getBytes(2))).optional();
    }

    List<Issued> ofVolunteer(long volunteerId) {
        return jdbc.sql("""
                SELECT number, volunteer_id, content::text AS content, total_hours, issued_at, superseded_at,
                       superseded_because
                FROM certificate WHERE volunteer_id = :volunteer ORDER BY issued_at DESC""")
                .param("volunteer", volunteerId).query(this::issued).list();
    }

    /** Marks every valid certificate of the volunteer issued before {@code changedAt} superseded; returns how many. */
    int supersede(long volunteerId, OffsetDateTime changedAt, String because) {
        return jdbc.sql("""
                UPDATE certificate SET superseded_at = :changedAt, superseded_because = :because
                WHERE volunteer_id = :volunteer AND superseded_at IS NULL AND issued_at <= :changedAt""")
                .param("volunteer", volunteerId).param("changedAt", changedAt).param("because", because).update();
    }

    private Issued issued(ResultSet rs, int row) throws SQLException {
        return new Issued(json.readValue(rs.getString("content"), CertificateContent.class),
                rs.getBigDecimal("total_hours"), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("superseded_at", OffsetDateTime.class), rs.getString("superseded_because"));
    }

    record Pdf(long volunteerId, byte[] pdf) {
    }

    record Issued(CertificateContent content, BigDecimal totalHours, OffsetDateTime issuedAt,
            OffsetDateTime supersededAt, String supersededBecause) {

        boolean valid() {
            return supersededAt == null;
        }
    }
}
