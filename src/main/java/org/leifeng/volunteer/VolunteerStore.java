package org.leifeng.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.leifeng.platform.Conflict;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.PersonalData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for volunteers. Only sealed (encrypted) documents and phones go in; only masked ones come out. */
@Repository
class VolunteerStore {

    private static final String SUMMARY_COLUMNS = """
            v.id, v.account_id, v.volunteer_number, v.name, v.id_type, v.id_number_masked, v.phone_masked,
            v.birth_date, v.sex, v.organisation_id, v.status, v.registered_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VolunteerStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long nextSerial() {
        return jdbc.sql("SELECT nextval('volunteer_number_serial')").query(Long.class).single();
    }

    long insert(NewVolunteer volunteer) {
        try {
            return jdbc.sql("""
                    INSERT INTO volunteer (account_id, volunteer_number, organisation_id, name, id_type,
                        id_number_cipher, id_number_key, id_number_index, id_number_masked,
                        phone_cipher, phone_key, phone_index, phone_masked, birth_date, sex, tags,
                        consent_version, consented_at)
                    VALUES (:account, :number, :organisation, :name, :idType, :idCipher, :idKey, :idIndex, :idMasked,
                        :phoneCipher, :phoneKey, :phoneIndex, :phoneMasked, :birthDate, :sex, :tags,
                        :consentVersion, :consentedAt)
                    RETURNING id""")
                    .param("account", volunteer.accountId()).param("number", volunteer.number())
                    .param("organisation", volunteer.organisationId()).param("name", volunteer.name())
                    .param("idType", volunteer.idType().name())
                    .param("idCipher", volunteer.idNumber().ciphertext()).param("idKey", volunteer.idNumber().keyId())
                    .param("idIndex", volunteer.idNumberIndex()).param("idMasked", volunteer.idNumberMasked())
                    .param("phoneCipher", volunteer.phone().ciphertext()).param("phoneKey", volunteer.phone().keyId())
                    .param("phoneIndex", volunteer.phoneIndex()).param("phoneMasked", volunteer.phoneMasked())
                    .param("birthDate", volunteer.birthDate())
                    .param("sex", volunteer.sex() == null ? null : volunteer.sex().name())
                    .param("tags", volunteer.tags().toArray(String[]::new))
                    .param("consentVersion", volunteer.consentVersion()).param("consentedAt", volunteer.consentedAt())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("volunteer_id_document_key")) {
                throw new Conflict("volunteer.documentTaken", "This identity document is already registered.");
            }
            if (message.contains("volunteer_phone_key")) {
                throw phoneTaken();
            }
            throw e;
        }
    }

    static Conflict phoneTaken() {
        return new Conflict("volunteer.phoneTaken", "This mobile number is already registered.");
    }

    void insertGuardian(long volunteerId, String name, IdType idType, PersonalData.Sealed idNumber,
            String idNumberMasked, PersonalData.Sealed phone, String phoneMasked, String relation, OffsetDateTime consentedAt) {
        jdbc.sql("""
                INSERT INTO volunteer_guardian (volunteer_id, name, id_type, id_number_cipher, id_number_key,
                    id_number_masked, phone_cipher, phone_key, phone_masked, relation, consented_at)
                VALUES (:volunteer, :name, :idType, :idCipher, :idKey, :idMasked, :phoneCipher, :phoneKey,
                    :phoneMasked, :relation, :consentedAt)""")
                .param("volunteer", volunteerId).param("name", name)
                .param("idType", idType == null ? null : idType.name())
                .param("idCipher", idNumber == null ? null : idNumber.ciphertext())
                .param("idKey", idNumber == null ? null : idNumber.keyId())
                .param("idMasked", idNumberMasked)
                .param("phoneCipher", phone.ciphertext()).param("phoneKey", phone.keyId())
                .param("phoneMasked", phoneMasked).param("relation", relation).param("consentedAt", consentedAt)
                .update();
    }

    void replaceSkills(long volunteerId, List<String> skillCodes) {
        jdbc.sql("DELETE FROM volunteer_skill WHERE volunteer_id = :id").param("id", volunteerId).update();
        for (String code : skillCodes) {
            jdbc.sql("INSERT INTO volunteer_skill (volunteer_id, skill_code) VALUES (:id, :code) ON CONFLICT DO NOTHING")
                    .param("id", volunteerId).param("code", code).update();
        }
    }

    void replaceServiceAreas(long volunteerId, List<Long> organisationIds) {
        jdbc.sql("DELETE FROM volunteer_service_area WHERE volunteer_id = :id").param("id", volunteerId).update();
        for (Long organisation : organisationIds) {
            jdbc.sql("INSERT INTO volunteer_service_area (volunteer_id, organisation_id) VALUES (:id, :org) ON CONFLICT DO NOTHING")
                    .param("id", volunteerId).param("org", organisation).update();
        }
    }

    /**
     * Writes the profile's changeable parts, of an active volunteer only; false when they have left (their data is
     * erased). {@code keepContact} leaves the emergency contact as it is.
     */
    boolean updateProfile(long volunteerId, List<String> tags, List<VolunteerProfile.Availability> availability,
            boolean keepContact, String emergencyName, PersonalData.Sealed emergencyPhone, String emergencyPhoneMasked,
            String emergencyRelation) {
        return jdbc.sql("""
                UPDATE volunteer SET tags = :tags, availability = CAST(:availability AS JSONB),
                    emergency_name = CASE WHEN :keep THEN emergency_name ELSE :emergencyName END,
                    emergency_phone_cipher = CASE WHEN :keep THEN emergency_phone_cipher ELSE :emergencyCipher END,
                    emergency_phone_key = CASE WHEN :keep THEN emergency_phone_key ELSE :emergencyKey END,
                    emergency_phone_masked = CASE WHEN :keep THEN emergency_phone_masked ELSE :emergencyMasked END,
                    emergency_relation = CASE WHEN :keep THEN emergency_relation ELSE :emergencyRelation END
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("id", volunteerId).param("tags", tags.toArray(String[]::new))
                .param("availability", json.writeValueAsString(availability)).param("keep", keepContact)
                .param("emergencyName", emergencyName)
                .param("emergencyCipher", emergencyPhone == null ? null : emergencyPhone.ciphertext())
                .param("emergencyKey", emergencyPhone == null ? null : emergencyPhone.keyId())
                .param("emergencyMasked", emergencyPhoneMasked).param("emergencyRelation", emergencyRelation)
                .update() == 1;
    }

    List<String> unknownSkills(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<String> known = jdbc.sql("SELECT code FROM skill WHERE code = ANY(:codes)")
                .param("codes", codes.toArray(String[]::new)).query(String.class).list();
        return codes.stream().filter(code -> !known.contains(code)).distinct().toList();
    }

    List<VolunteerProfile.Skill> skillCatalogue() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM skill ORDER BY code")
                .query((rs, row) -> new VolunteerProfile.Skill(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    Map<Long, VolunteerLabel> labelsOf(Collection<Long> volunteerIds) {
        if (volunteerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, volunteer_number, name FROM volunteer WHERE id = ANY(:ids)")
                .param("ids", volunteerIds.toArray(Long[]::new))
                .query((rs, row) -> new VolunteerLabel(rs.getLong(1), rs.getString(2), rs.getString(3))).list().stream()
                .collect(Collectors.toMap(VolunteerLabel::id, label -> label));
    }

    Optional<VolunteerFacts> facts(long volunteerId) {
        return facts("v.id = :id", volunteerId);
    }

    Optional<VolunteerFacts> factsOfAccount(long accountId) {
        return facts("v.account_id = :id", accountId);
    }

    private Optional<VolunteerFacts> facts(String where, long id) {
        return jdbc.sql("""
                SELECT v.id, v.account_id, v.organisation_id, v.birth_date, v.insured_until, v.status,
                       ARRAY(SELECT skill_code FROM volunteer_skill s WHERE s.volunteer_id = v.id) AS skills
                FROM volunteer v WHERE """ + " " + where)
                .param("id", id)
                .query((rs, row) -> new VolunteerFacts(rs.getLong("id"), rs.getLong("account_id"),
                        rs.getLong("organisation_id"), rs.getObject("birth_date", LocalDate.class),
                        Set.of((String[]) rs.getArray("skills").getArray()),
                        rs.getObject("insured_until", LocalDate.class), status(rs) == VolunteerStatus.ACTIVE))
                .optional();
    }

    boolean recordInsurance(long volunteerId, LocalDate insuredUntil) {
        return jdbc.sql("UPDATE volunteer SET insured_until = :until WHERE id = :id AND status = 'ACTIVE'")
                .param("id", volunteerId).param("until", insuredUntil).update() == 1;
    }

    Optional<Long> idOfAccount(long accountId) {
        return jdbc.sql("SELECT id FROM volunteer WHERE account_id = :account").param("account", accountId)
                .query(Long.class).optional();
    }

    Optional<Long> idOfNumber(String number) {
        return jdbc.sql("SELECT id FROM volunteer WHERE volunteer_number = :number").param("number", number)
                .query(Long.class).optional();
    }

    Optional<PersonalData.Sealed> sealedIdNumber(long volunteerId) {
        return jdbc.sql("SELECT id_number_key, id_number_cipher FROM volunteer WHERE id = :id AND id_number_cipher IS NOT NULL")
                .param("id", volunteerId)
                .query((rs, row) -> new PersonalData.Sealed(rs.getString(1), rs.getBytes(2))).optional();
    }

    Optional<VolunteerProfile> find(long id) {
        List<VolunteerProfile.Skill> skills = jdbc.sql("""
                SELECT k.code, k.name_zh, k.name_en FROM volunteer_skill s JOIN skill k ON k.code = s.skill_code
                WHERE s.volunteer_id = :id ORDER BY k.code""")
                .param("id", id)
                .query((rs, row) -> new VolunteerProfile.Skill(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        List<Long> areas = jdbc.sql("SELECT organisation_id FROM volunteer_service_area WHERE volunteer_id = :id ORDER BY organisation_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("""
                SELECT v.*, g.name AS g_name, g.id_number_masked AS g_id_masked, g.phone_masked AS g_phone_masked,
                       g.relation AS g_relation, g.consented_at AS g_consented_at
                FROM volunteer v LEFT JOIN volunteer_guardian g ON g.volunteer_id = v.id
                WHERE v.id = :id""")
                .param("id", id).query((rs, row) -> profile(rs, skills, areas)).optional();
    }

    /** Volunteers matching the filter, newest first; {@code organisationIds} null means the whole city. */
    PageResult<VolunteerSummary> search(VolunteerQuery query, List<Long> organisationIds, List<Long> accountIds,
            byte[] phoneIndex, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (organisationIds != null) {
            where.append(" AND v.organisation_id = ANY(:orgs)");
            params.put("orgs", organisationIds.toArray(Long[]::new));
        }
        if (query.name() != null) {
            where.append(" AND v.name LIKE :name");
            params.put("name", escapeLike(query.name()) + "%");
        }
        if (query.volunteerNumber() != null) {
            where.append(" AND v.volunteer_number = :number");
            params.put("number", query.volunteerNumber());
        }
        if (phoneIndex != null) {
            where.append(" AND v.phone_index = :phoneIndex");
            params.put("phoneIndex", phoneIndex);
        }
        if (query.skill() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer_id = v.id AND s.skill_code = :skill)");
            params.put("skill", query.skill());
        }
        if (accountIds != null) {
            where.append(" AND v.account_id = ANY(:accounts)");
            params.put("accounts", accountIds.toArray(Long[]::new));
        }
        if (!query.includeClosed()) {
            where.append(" AND v.status = 'ACTIVE'");
        }
        long total = jdbc.sql("SELECT count(*) FROM volunteer v" + where).params(params).query(Long.class).single();
        List<VolunteerSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM volunteer v" + where
                        + " ORDER BY v.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(VolunteerStore::summary).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Erases what identifies the person; the row and its id stay for the service records that point at it. */
    void anonymise(long volunteerId, OffsetDateTime closedAt) {
        jdbc.sql("DELETE FROM volunteer_guardian WHERE volunteer_id = :id").param("id", volunteerId).update();
        jdbc.sql("DELETE FROM volunteer_skill WHERE volunteer_id = :id").param("id", volunteerId).update();
        jdbc.sql("DELETE FROM volunteer_service_area WHERE volunteer_id = :id").param("id", volunteerId).update();
        jdbc.sql("""
                UPDATE volunteer SET status = 'CLOSED', closed_at = :closedAt, name = '已注销',
                    id_number_cipher = NULL, id_number_key = NULL, id_number_index = NULL, id_number_masked = NULL,
                    phone_cipher = NULL, phone_key = NULL, phone_index = NULL, phone_masked = NULL,
                    birth_date = make_date(extract(year FROM birth_date)::int, 1, 1),
                    tags = '{}', availability = '[]', emergency_name = NULL, emergency_phone_cipher = NULL,
                    emergency_phone_key = NULL, emergency_phone_masked = NULL, emergency_relation = NULL
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("id", volunteerId).param("closedAt", closedAt).update();
    }

    /** The one place a {@link VolunteerProfile} is made: the volunteer's row (with the guardian's) and its lists. */
    private VolunteerProfile profile(ResultSet rs, List<VolunteerProfile.Skill> skills, List<Long> areas)
            throws SQLException {
        String sex = rs.getString("sex");
        String emergencyName = rs.getString("emergency_name");
        String guardianName = rs.getString("g_name");
        List<VolunteerProfile.Availability> availability = json.readValue(rs.getString("availability"),
                new TypeReference<List<VolunteerProfile.Availability>>() { });
        return new VolunteerProfile(rs.getLong("id"), rs.getLong("account_id"), rs.getString("volunteer_number"),
                rs.getString("name"), IdType.valueOf(rs.getString("id_type")), rs.getString("id_number_masked"),
                rs.getString("phone_masked"), rs.getObject("birth_date", LocalDate.class),
                sex == null ? null : Sex.valueOf(sex), rs.getLong("organisation_id"), status(rs),
                skills, new ArrayList<>(List.of((String[]) rs.getArray("tags").getArray())), areas, availability,
                emergencyName == null ? null : new VolunteerProfile.EmergencyContact(emergencyName,
                        rs.getString("emergency_phone_masked"), rs.getString("emergency_relation")),
                guardianName == null ? null : new VolunteerProfile.GuardianView(guardianName, rs.getString("g_id_masked"),
                        rs.getString("g_phone_masked"), rs.getString("g_relation"),
                        rs.getObject("g_consented_at", OffsetDateTime.class)),
                rs.getString("consent_version"), rs.getObject("consented_at", OffsetDateTime.class),
                rs.getObject("registered_at", OffsetDateTime.class));
    }

    private static VolunteerSummary summary(ResultSet rs, int row) throws SQLException {
        String sex = rs.getString("sex");
        return new VolunteerSummary(rs.getLong("id"), rs.getLong("account_id"), rs.getString("volunteer_number"),
                rs.getString("name"), IdType.valueOf(rs.getString("id_type")), rs.getString("id_number_masked"),
                rs.getString("phone_masked"), rs.getObject("birth_date", LocalDate.class),
                sex == null ? null : Sex.valueOf(sex), rs.getLong("organisation_id"), status(rs),
                rs.getObject("registered_at", OffsetDateTime.class));
    }

    private static VolunteerStatus status(ResultSet rs) throws SQLException {
        return VolunteerStatus.valueOf(rs.getString("status"));
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * For the demo city only: when each volunteer registered (and consented), which otherwise is the moment of the
     * insert and never changes.
     */
    void setRegistrationTimes(Map<Long, OffsetDateTime> registeredAt) {
        List<Long> ids = List.copyOf(registeredAt.keySet());
        jdbc.sql("""
                UPDATE volunteer v SET registered_at = r.at, consented_at = r.at
                FROM unnest(CAST(:ids AS BIGINT[]), CAST(:times AS TIMESTAMPTZ[])) AS r(id, at) WHERE v.id = r.id""")
                .param("ids", ids.toArray(Long[]::new))
                .param("times", ids.stream().map(id -> registeredAt.get(id).toString()).toArray(String[]::new))
                .update();
    }

    record NewVolunteer(long accountId, String number, long organisationId, String name, IdType idType,
            PersonalData.Sealed idNumber, byte[] idNumberIndex, String idNumberMasked, PersonalData.Sealed phone,
            byte[] phoneIndex, String phoneMasked, LocalDate birthDate, Sex sex, List<String> tags,
            String consentVersion, OffsetDateTime consentedAt) {
    }
}
