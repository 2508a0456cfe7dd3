package org.leifeng.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AccountId;
import org.leifeng.identity.AccountView;
import org.leifeng.identity.Accounts;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Caller;
import org.leifeng.identity.Grant;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.Conflict;
import org.leifeng.platform.InputValidator;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.Masking;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.PersonalData;
import org.leifeng.platform.RuleViolation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers: registration open to anyone, profiles seen by the volunteer and by administrators over the
 * volunteer's organisation, and nothing else. Every answer is masked; the one way to a full ID number is
 * {@link #revealIdNumber}, an administrator's audited act with a reason.
 */
@Service
@EnableConfigurationProperties(VolunteerSettings.class)
public class Volunteers {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    static final String ID_INDEX = "id-document";
    static final String PHONE_INDEX = "mobile";

    private final VolunteerStore store;
    private final PersonalData personalData;
    private final Accounts accounts;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final VolunteerSettings settings;
    private final Clock clock;
    private final InputValidator inputs;
    private final Teams teams;

    Volunteers(VolunteerStore store, PersonalData personalData, Accounts accounts, AccessControl access,
            AuditTrail audit, Organisations organisations, ApplicationEventPublisher events,
            VolunteerSettings settings, Clock clock, InputValidator inputs, Teams teams) {
        this.inputs = inputs;
        this.teams = teams;
        this.store = store;
        this.personalData = personalData;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.organisations = organisations;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Registers a volunteer and their account (username: the mobile number) in one transaction. A document or phone
     * already registered is refused with 409 by the database's unique indexes, also when many arrive at once.
     */
    @Transactional
    public VolunteerProfile register(Registration registration) {
        inputs.check(registration);
        LocalDate today = LocalDate.now(clock.withZone(CITY_ZONE));
        CheckedRegistration checked = RegistrationRules.check(registration, today);
        accounts.requireStrongPassword("password", registration.password(), checked.name(), checked.phone(),
                checked.idNumber());
        long organisationId = registration.organisationId() == null ? access.rootOrganisationId()
                : organisations.findActive(registration.organisationId()).map(Organisation::id)
                        .orElseThrow(() -> new InvalidInput("organisationId", "volunteer.validation.organisationUnknown"));
        List<String> unknownSkills = store.unknownSkills(checked.skills());
        if (!unknownSkills.isEmpty()) {
            throw new InvalidInput("skills", "volunteer.validation.skillUnknown");
        }
        AccountView account;
        try {
            account = accounts.provision(checked.phone(), registration.password(),
                    List.of(new Grant(Role.VOLUNTEER, organisationId)), null);
        } catch (Conflict usernameTaken) {
            throw VolunteerStore.phoneTaken();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = store.insert(new VolunteerStore.NewVolunteer(account.id(),
                VolunteerNumber.issue(settings.numberPrefix(), store.nextSerial()), organisationId, checked.name(),
                registration.idType(), personalData.seal(checked.idNumber()),
                personalData.blindIndex(ID_INDEX, registration.idType() + ":" + checked.idNumber()),
                Masking.documentNumber(checked.idNumber()), personalData.seal(checked.phone()),
                personalData.blindIndex(PHONE_INDEX, checked.phone()), Masking.phone(checked.phone()),
                checked.birthDate(), checked.sex(), checked.tags(), settings.consentVersion(), now));
        store.replaceSkills(id, checked.skills());
        checked.guardian().ifPresent(guardian -> store.insertGuardian(id, guardian.name(), guardian.idType(),
                guardian.idNumber() == null ? null : personalData.seal(guardian.idNumber()),
                guardian.idNumber() == null ? null : Masking.documentNumber(guardian.idNumber()),
                personalData.seal(guardian.phone()), Masking.phone(guardian.phone()), guardian.relation(), now));
        events.publishEvent(new VolunteerRegistered(id, account.id(), organisationId, now));
        audit.describe(VolunteerAudit.REGISTERED, "volunteer", id, organisationId);
        return store.find(id).orElseThrow();
    }

    /** The volunteer's own profile, or one an administrator over their organisation may see; otherwise 404. */
    @Transactional(readOnly = true)
    public VolunteerProfile get(long id) {
        VolunteerProfile profile = store.find(id).orElseThrow(() -> new NotFound("volunteer", id));
        if (!isSelf(profile) && !access.holds(Role.ORG_ADMIN, profile.organisationId())) {
            access.caller();
            throw new NotFound("volunteer", id);
        }
        return profile;
    }

    @Transactional(readOnly = true)
    public Optional<VolunteerProfile> ofCurrentCaller() {
        return access.currentCaller().flatMap(caller -> store.idOfAccount(caller.accountId())).flatMap(store::find);
    }

    /** The volunteer with this number (on their card and personal QR), for check-in at an organiser's kiosk. */
    @Transactional(readOnly = true)
    public Optional<Long> idOfNumber(String volunteerNumber) {
        return volunteerNumber == null ? Optional.empty() : store.idOfNumber(volunteerNumber.strip());
    }

    @Transactional(readOnly = true)
    public Optional<Long> idOfAccount(AccountId account) {
        return store.idOfAccount(account.value());
    }

    /** Volunteers of the administrator's subtrees (or of one organisation's subtree in them), newest first. */
    @Transactional(readOnly = true)
    public PageResult<VolunteerSummary> search(VolunteerQuery query, List<Long> teamMemberAccounts, PageRequest page) {
        List<String> scope = query.organisationId() == null ? access.scopePaths(Role.ORG_ADMIN)
                : List.of(access.require(Role.ORG_ADMIN, query.organisationId()));
        if (scope.isEmpty()) {
            access.caller();
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        String cityPath = "/" + access.rootOrganisationId() + "/";
        List<Long> organisationIds = scope.contains(cityPath) ? null : organisations.idsWithin(scope);
        byte[] phoneIndex = query.phone() == null ? null
                : personalData.blindIndex(PHONE_INDEX, MobileNumbers.normalise(query.phone()));
        return store.search(query, organisationIds, teamMemberAccounts, phoneIndex, page);
    }

    @Transactional
    public VolunteerProfile updateProfile(long id, ProfileChange change) {
        return updateProfile(id, change, false);
    }

    /**
     * As {@link #updateProfile(long, ProfileChange)}; {@code keepEmergencyContact} leaves the stored contact as it is
     * (a PATCH that does not name it: its phone is only ever shown masked, so it cannot be sent back unchanged).
     */
    @Transactional
    public VolunteerProfile updateProfile(long id, ProfileChange change, boolean keepEmergencyContact) {
        VolunteerProfile profile = get(id);
        requireActive(profile);
        List<String> unknown = store.unknownSkills(change.skills());
        if (!unknown.isEmpty()) {
            throw new InvalidInput("skills", "volunteer.validation.skillUnknown");
        }
        for (Long area : change.serviceAreaIds()) {
            if (organisations.findActive(area).isEmpty()) {
                throw new InvalidInput("serviceAreaIds", "volunteer.validation.organisationUnknown");
            }
        }
        ProfileChange.EmergencyContact contact = keepEmergencyContact ? null : change.emergencyContact();
        String emergencyPhone = contact == null ? null : MobileNumbers.normalise(contact.phone());
        if (contact != null && !MobileNumbers.isValid(emergencyPhone)) {
            throw new InvalidInput("emergencyContact.phone", "volunteer.validation.phone");
        }
        // The row is written first and only while active: it stays locked, so a concurrent leaving cannot erase the
        // profile between this check and the writes below.
        if (!store.updateProfile(id, change.tags(), change.availability(), keepEmergencyContact,
                contact == null ? null : contact.name().strip(),
                contact == null ? null : personalData.seal(emergencyPhone),
                contact == null ? null : Masking.phone(emergencyPhone), contact == null ? null : contact.relation().strip())) {
            throw closedVolunteer();
        }
        store.replaceSkills(id, change.skills());
        store.replaceServiceAreas(id, change.serviceAreaIds());
        audit.describe(VolunteerAudit.PROFILE_CHANGED, "volunteer", id, profile.organisationId());
        return store.find(id).orElseThrow();
    }

    /** The full ID number, for an administrator over the volunteer, with a reason that goes to the audit log. */
    @Transactional
    public String revealIdNumber(long id, String reason) {
        VolunteerProfile profile = store.find(id).orElseThrow(() -> new NotFound("volunteer", id));
        access.require(Role.ORG_ADMIN, profile.organisationId());
        PersonalData.Sealed sealed = store.sealedIdNumber(id)
                .orElseThrow(Volunteers::closedVolunteer);
        audit.record(VolunteerAudit.ID_NUMBER_REVEALED, "volunteer", id, profile.organisationId(), reason.strip());
        return personalData.open(sealed);
    }

    /** Everything the platform holds about the volunteer, for them to download (documents masked as everywhere). */
    @Transactional
    public VolunteerExport export(long id) {
        VolunteerProfile profile = get(id);
        if (!isSelf(profile)) {
            throw new NotFound("volunteer", id);
        }
        audit.record(VolunteerAudit.EXPORTED, "volunteer", id, profile.organisationId(), null);
        return new VolunteerExport(OffsetDateTime.now(clock), profile, accounts.get(profile.accountId()).grants());
    }

    /**
     * The volunteer leaves: their account closes at once and what identifies them is erased; the volunteer row stays,
     * anonymised, so service records keep counting in statistics.
     */
    @Transactional
    public void close(long id) {
        VolunteerProfile profile = get(id);
        if (!isSelf(profile)) {
            throw new NotFound("volunteer", id);
        }
        requireActive(profile);
        store.anonymise(id, OffsetDateTime.now(clock));
        accounts.close(profile.accountId());
        audit.describe(VolunteerAudit.CLOSED, "volunteer", id, profile.organisationId());
    }

    /**
     * Volunteer numbers and names, for organisers' lists of the people who signed up for their activities. No caller
     * is checked: callers show them only to whoever may see those sign-ups. Nothing else of the person is in them.
     */
    @Transactional(readOnly = true)
    public Map<Long, VolunteerLabel> labelsOf(Collection<Long> volunteerIds) {
        return store.labelsOf(volunteerIds);
    }

    /**
     * Facts for eligibility checks of other modules; no caller is checked and nothing personal is in them. One
     * statement, so no transaction of its own (a read-only one would cost a round trip for its COMMIT).
     */
    public Optional<VolunteerFacts> facts(long volunteerId) {
        return store.facts(volunteerId);
    }

    /**
     * {@link #facts} of a volunteer the caller may act for: themself, one whose profile they may see ({@link #get}:
     * an administrator over the volunteer's organisation), or a live member of a team they manage. Anyone else is
     * empty, exactly as an id that does not exist, so an organiser cannot reach people outside their view by id.
     */
    public Optional<VolunteerFacts> factsInCallersView(long volunteerId) {
        return store.facts(volunteerId).filter(this::inCallersView);
    }

    private boolean inCallersView(VolunteerFacts volunteer) {
        long caller = access.caller().accountId();
        return volunteer.accountId() == caller || access.holds(Role.ORG_ADMIN, volunteer.organisationId())
                || teams.isMemberOfTeamManagedByCaller(volunteer.accountId());
    }

    /** {@link #facts} of the volunteer who holds the account, if any: the caller's own, for signing up. */
    public Optional<VolunteerFacts> factsOfAccount(long accountId) {
        return store.factsOfAccount(accountId);
    }

    /** An administrator over the volunteer records their accident insurance (条例 Art 17) until a day, or none. */
    @Transactional
    public VolunteerFacts recordInsurance(long id, LocalDate insuredUntil) {
        VolunteerProfile profile = store.find(id).orElseThrow(() -> new NotFound("volunteer", id));
        access.require(Role.ORG_ADMIN, profile.organisationId());
        if (!store.recordInsurance(id, insuredUntil)) {
            throw closedVolunteer();
        }
        audit.describe(VolunteerAudit.INSURANCE_RECORDED, "volunteer", id, profile.organisationId(),
                String.valueOf(insuredUntil));
        return store.facts(id).orElseThrow();
    }

    public List<VolunteerProfile.Skill> skillCatalogue() {
        return store.skillCatalogue();
    }

    private boolean isSelf(VolunteerProfile profile) {
        return access.currentCaller().map(Caller::accountId).filter(account -> account == profile.accountId()).isPresent();
    }

    private static void requireActive(VolunteerProfile profile) {
        if (profile.status() != VolunteerStatus.ACTIVE) {
            throw closedVolunteer();
        }
    }

    private static RuleViolation closedVolunteer() {
        return new RuleViolation("volunteer.closed", "This volunteer has left; their data is erased.");
    }

    static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
