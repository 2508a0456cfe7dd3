package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.leifeng.activity.ActivityStatus;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.Activities;
import org.leifeng.activity.ShiftView;
import org.leifeng.attendance.CheckedOut;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.Conflict;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.RuleViolation;
import org.leifeng.platform.ServiceTime;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours ledger's use cases: credit attended time, manual entries with a second administrator's approval,
 * corrections, disputes, and each volunteer's total and star level. Every change is an appended entry (see
 * {@link Ledger}); overlapping time is never credited twice (a constraint on {@code credited_time}) and no calendar
 * day holds more than 24 hours.
 */
@Service
public class Hours {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal DAY = new BigDecimal("24.0");
    private static final int ESCALATE_AFTER_DAYS = 30;

    private final Ledger ledger;
    private final HoursStore store;
    private final ServiceRecords records;
    private final Activities activities;
    private final Volunteers volunteers;
    private final Organisations organisations;
    private final AccessControl access;
    private final AuditTrail audit;
    private final ServiceTime serviceTime;
    private final Certificates certificates;
    private final StarLevels levels;
    private final LedgerVerification verification;
    private final Clock clock;

    Hours(Ledger ledger, HoursStore store, ServiceRecords records, Activities activities, Volunteers volunteers,
            Organisations organisations, AccessControl access, AuditTrail audit, ServiceTime serviceTime,
            Certificates certificates, StarLevels levels, LedgerVerification verification, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.records = records;
        this.activities = activities;
        this.volunteers = volunteers;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.serviceTime = serviceTime;
        this.certificates = certificates;
        this.levels = levels;
        this.verification = verification;
        this.clock = clock;
    }

    /** A volunteer's total, star level and records; for the volunteer and administrators over them. */
    @Transactional(readOnly = true)
    public VolunteerHours of(long volunteerId) {
        volunteers.get(volunteerId);
        BigDecimal total = store.account(volunteerId).map(HoursStore.Account::totalHours)
                .orElse(BigDecimal.ZERO.setScale(1));
        List<ServiceRecordView> list = records.of(store.chain(volunteerId));
        List<DisputeView> disputes = store.disputesOf(volunteerId).stream().map(DisputeView::of).toList();
        return new VolunteerHours(volunteerId, total, levels.levelFor(total), levels.nextThreshold(total), list,
                disputes);
    }

    /**
     * Credits an attendance (from {@link CheckedOut}). Idempotent: a redelivered event finds its source credited.
     * Time that overlaps credited time, or would make the day longer than 24 hours, is recorded as REFUSED with the
     * reason, so nothing attended disappears silently.
     */
    @Transactional
    void credit(CheckedOut attended) {
        String source = "attendance:" + attended.attendanceId();
        HoursStore.Account account = ledger.lock(attended.volunteerId());
        if (store.sourceCredited(source)) {
            return;
        }
        ActivityView activity = activities.get(attended.activityId());
        LocalDate day = attended.servedFrom().atZone(CITY).toLocalDate();
        BigDecimal hours = attended.creditedHours();
        CreditRefusal refusal = refusal(attended, day, hours);
        EntryKind kind = refusal == null ? EntryKind.CREDIT : EntryKind.REFUSED;
        EntryDraft draft = new EntryDraft(kind, null, activity.id(), activity.title(), attended.shiftId(),
                attended.organisationId(), attended.servedFrom(), attended.servedUntil(), day, hours,
                refusal == null ? hours : BigDecimal.ZERO, refusal == null ? null : refusal.code(), source,
                attended.closedByAccountId());
        Ledger.Appended appended = ledger.append(account, draft);
        if (refusal == null) {
            store.claimTime(appended.entry().id(), attended.volunteerId(), appended.entry().servedFrom(),
                    appended.entry().servedUntil());
        }
    }

    /** Why the attended time cannot be credited; null when it can. */
    private CreditRefusal refusal(CheckedOut attended, LocalDate day, BigDecimal hours) {
        if (store.overlapsCredited(attended.volunteerId(), attended.servedFrom(), attended.servedUntil())) {
            return CreditRefusal.OVERLAP;
        }
        return store.countedOn(attended.volunteerId(), day).add(hours).compareTo(DAY) > 0 ? CreditRefusal.DAY_LIMIT
                : null;
    }

    /** A manual entry for service done without the QR code; PENDING until another administrator approves it. */
    @Transactional
    public ServiceRecordView enter(ManualEntry entry) {
        ActivityView activity = activities.get(entry.activityId());
        if (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.COMPLETED) {
            throw new RuleViolation("hours.activityNotHeld", "Service can only be recorded on a published or completed activity.");
        }
        access.require(Role.ORG_ADMIN, activity.organisationId());
        if (!volunteers.labelsOf(List.of(entry.volunteerId())).containsKey(entry.volunteerId())) {
            throw new NotFound("volunteer", entry.volunteerId());
        }
        Instant from = entry.startedAt().toInstant();
        Instant until = entry.endedAt().toInstant();
        if (until.isAfter(clock.instant())) {
            throw new InvalidInput("endedAt", "hours.endedInFuture");
        }
        ShiftView shift = activity.shifts().stream()
                .max(Comparator.comparing(candidate -> overlap(from, until, candidate)))
                .filter(candidate -> overlap(from, until, candidate).compareTo(Duration.ZERO) > 0)
                .orElseThrow(() -> new RuleViolation("hours.outsideShifts",
                        "The time entered lies outside every shift of the activity."));
        Instant shiftStart = shift.startsAt().toInstant();
        Instant shiftEnd = shift.endsAt().toInstant();
        ServiceTime.Interval served = serviceTime.clip(from, until, shiftStart, shiftEnd);
        BigDecimal hours = serviceTime.credit(from, until, shiftStart, shiftEnd);
        if (hours.signum() == 0) {
            throw new RuleViolation("hours.nothingToCredit", "Less than a quarter of an hour: nothing to credit.");
        }
        HoursStore.Account account = ledger.lock(entry.volunteerId());
        EntryDraft draft = new EntryDraft(EntryKind.MANUAL, null, activity.id(), activity.title(), shift.id(),
                activity.organisationId(), served.start(), served.end(), served.start().atZone(CITY).toLocalDate(),
                hours, BigDecimal.ZERO, entry.note(), null, access.caller().accountId());
        LedgerEntry recorded = ledger.append(account, draft).entry();
        audit.describe(HoursAudit.MANUAL_ENTERED, "service-record", recorded.id(), activity.organisationId());
        return records.one(recorded, List.of());
    }

    /**
     * Approves a manual entry: an administrator over the organiser who did not enter it; for service more than 30
     * days ago, an administrator one level higher. The hours then count.
     */
    @Transactional
    public ServiceRecordView approve(long recordId) {
        LedgerEntry manual = undecidedManual(recordId);
        requireApprover(manual);
        HoursStore.Account account = ledger.lock(manual.volunteerId());
        requireUndecided(manual);
        if (store.overlapsCredited(manual.volunteerId(), manual.servedFrom(), manual.servedUntil())) {
            throw new Conflict("hours.overlap", "This time overlaps service already credited to the volunteer.");
        }
        if (store.countedOn(manual.volunteerId(), manual.serviceDate()).add(manual.hours()).compareTo(DAY) > 0) {
            throw new RuleViolation("hours.dayLimit", "A day holds at most 24 credited hours.");
        }
        Ledger.Appended approval = ledger.append(account,
                EntryDraft.about(manual, EntryKind.APPROVAL, manual.hours(), manual.hours(), null, access.caller().accountId()));
        store.claimTime(approval.entry().id(), manual.volunteerId(), manual.servedFrom(), manual.servedUntil());
        audit.describe(HoursAudit.APPROVED, "service-record", manual.id(), manual.organisationId());
        return records.one(manual, List.of(approval.entry()));
    }

    @Transactional
    public ServiceRecordView reject(long recordId, String reason) {
        LedgerEntry manual = undecidedManual(recordId);
        requireApprover(manual);
        HoursStore.Account account = ledger.lock(manual.volunteerId());
        requireUndecided(manual);
        Ledger.Appended rejection = ledger.append(account, EntryDraft.about(manual, EntryKind.REJECTION,
                manual.hours(), BigDecimal.ZERO, reason, access.caller().accountId()));
        audit.describe(HoursAudit.REJECTED, "service-record", manual.id(), manual.organisationId());
        return records.one(manual, List.of(rejection.entry()));
    }

    /**
     * Corrects a counted record: a new entry with the hours it should have and why, by an administrator over the
     * organiser. Certificates issued before it are marked superseded.
     */
    @Transactional
    public ServiceRecordView correct(long recordId, Correction correction) {
        LedgerEntry record = store.entry(recordId).filter(this::isRecord)
                .orElseThrow(() -> new NotFound("serviceRecord", recordId));
        access.require(Role.ORG_ADMIN, record.organisationId());
        HoursStore.Account account = ledger.lock(record.volunteerId());
        List<LedgerEntry> history = store.referringTo(List.of(record.id()));
        ServiceRecordView current = records.one(record, history);
        if (current.status() != ServiceRecordStatus.CREDITED) {
            throw new RuleViolation("hours.notCredited", "Only credited records can be corrected.");
        }
        BigDecimal hours = correction.hours().setScale(1);
        if (hours.compareTo(current.hours()) == 0) {
            throw new RuleViolation("hours.correctionChangesNothing", "The record already has these hours.");
        }
        Ledger.Appended corrected = ledger.append(account, EntryDraft.about(record, EntryKind.CORRECTION, hours,
                hours.subtract(current.hours()), correction.reason(), access.caller().accountId()));
        certificates.supersedeFor(record.volunteerId(),
                OffsetDateTime.ofInstant(corrected.entry().recordedAt(), CITY), correction.reason());
        audit.describe(HoursAudit.CORRECTED, "service-record", record.id(), record.organisationId());
        return records.one(record, concat(history, corrected.entry()));
    }

    /** The volunteer asks about one of their records; the organiser sees it in their queue. */
    @Transactional
    public DisputeView dispute(long recordId, String comment) {
        VolunteerProfile me = volunteers.ofCurrentCaller()
                .orElseThrow(() -> new Forbidden("hours.onlyVolunteersDispute", "Only the volunteer can dispute a record."));
        LedgerEntry record = store.entry(recordId).filter(this::isRecord).filter(entry -> entry.volunteerId() == me.id())
                .orElseThrow(() -> new NotFound("serviceRecord", recordId));
        try {
            long id = store.disputeOpen(record, comment, clock.instant());
            return store.dispute(id).map(DisputeView::of).orElseThrow();
        } catch (DuplicateKeyException open) {
            throw new Conflict("hours.disputeOpen", "This record already has an open dispute.");
        }
    }

    /** The organiser answers a dispute: with a correction of the record, or with a reply that explains it. */
    @Transactional
    public DisputeView resolve(long disputeId, DisputeResolution resolution) {
        HoursStore.Dispute dispute = store.dispute(disputeId).orElseThrow(() -> new NotFound("dispute", disputeId));
        access.require(Role.ORG_ADMIN, dispute.organisationId());
        Long correctionId = null;
        if (resolution.hours() != null) {
            ServiceRecordView corrected = correct(dispute.entryId(), new Correction(resolution.hours(), resolution.reply()));
            correctionId = corrected.lastCorrectionId();
        }
        if (!store.resolveDispute(disputeId,
                correctionId == null ? DisputeStatus.ANSWERED : DisputeStatus.CORRECTED, resolution.reply(),
                correctionId, access.caller().accountId(), clock.instant())) {
            throw new Conflict("hours.disputeClosed", "This dispute has already been resolved.");
        }
        return store.dispute(disputeId).map(DisputeView::of).orElseThrow();
    }

    /** Manual entries awaiting a decision in the caller's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<ServiceRecordView> approvalQueue() {
        List<Long> scope = organisations.idsWithin(access.scopePaths(Role.ORG_ADMIN));
        return store.undecidedManual(scope, 200).stream().map(entry -> records.one(entry, List.of())).toList();
    }

    /** Open disputes in the caller's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<DisputeView> disputeQueue() {
        List<Long> scope = organisations.idsWithin(access.scopePaths(Role.ORG_ADMIN));
        return store.openDisputes(scope, 200).stream().map(DisputeView::of).toList();
    }

    /** Walks the chains (all, or one volunteer's) and names the first broken link; for city administrators. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerCheck verify(Long volunteerId) {
        access.require(Role.ORG_ADMIN, access.rootOrganisationId());
        return volunteerId == null ? verification.verifyAll() : verification.verify(volunteerId);
    }

    /**
     * Every change the ledger made to counted hours, oldest first, as the {@link HoursCredited} it published: for
     * readers that rebuild their figures from the ledger (reporting). Streams, so a city's ledger fits in memory.
     */
    @Transactional(readOnly = true)
    public void forEachCredit(Consumer<HoursCredited> consumer) {
        store.forEachCredit(consumer);
    }

    /** A volunteer's star level as the ledger has it now (0 without hours): for readers' distributions. */
    @Transactional(readOnly = true)
    public int starLevelOf(long volunteerId) {
        return store.account(volunteerId).map(HoursStore.Account::starLevel).orElse(0);
    }

    /**
     * Every counted record of the organisations in [from, to), streamed in service-day order: for exports of any
     * size. The caller checks who may read them.
     */
    @Transactional(readOnly = true)
    public void forEachCountedRecord(Collection<Long> organisations, LocalDate from, LocalDate to,
            Consumer<CountedRecord> consumer) {
        store.forEachCountedRecord(organisations, from, to, consumer);
    }

    /** Counted hours per organiser, straight from the ledger: what readers' figures must add up to. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> countedHoursByOrganisation() {
        return store.countedByOrganisation();
    }

    private LedgerEntry undecidedManual(long recordId) {
        LedgerEntry manual = store.entry(recordId).filter(entry -> entry.kind() == EntryKind.MANUAL)
                .orElseThrow(() -> new NotFound("serviceRecord", recordId));
        access.require(Role.ORG_ADMIN, manual.organisationId());
        return manual;
    }

    /** Decided already (checked again under the volunteer's lock; the unique index is the last word). */
    private void requireUndecided(LedgerEntry manual) {
        boolean decided = store.referringTo(List.of(manual.id())).stream()
                .anyMatch(entry -> entry.kind() == EntryKind.APPROVAL || entry.kind() == EntryKind.REJECTION);
        if (decided) {
            throw new Conflict("hours.alreadyDecided", "This entry has already been approved or rejected.");
        }
    }

    private void requireApprover(LedgerEntry manual) {
        long caller = access.caller().accountId();
        if (manual.recordedBy() != null && manual.recordedBy() == caller) {
            throw new Forbidden("hours.selfApproval", "Someone other than the person who entered it must approve it.");
        }
        LocalDate today = LocalDate.now(clock.withZone(CITY));
        if (manual.serviceDate().isBefore(today.minusDays(ESCALATE_AFTER_DAYS))) {
            Organisation organiser = organisations.findActive(manual.organisationId())
                    .orElseThrow(() -> new NotFound("organisation", manual.organisationId()));
            if (organiser.parentId() != null && !access.holds(Role.ORG_ADMIN, organiser.parentId())) {
                throw new Forbidden("hours.needsHigherApproval",
                        "Service more than 30 days ago needs an administrator one level above the organiser.");
            }
        }
    }

    private boolean isRecord(LedgerEntry entry) {
        return entry.kind() == EntryKind.CREDIT || entry.kind() == EntryKind.MANUAL || entry.kind() == EntryKind.REFUSED;
    }

    private static Duration overlap(Instant from, Instant until, ShiftView shift) {
        Instant start = from.isAfter(shift.startsAt().toInstant()) ? from : shift.startsAt().toInstant();
        Instant end = until.isBefore(shift.endsAt().toInstant()) ? until : shift.endsAt().toInstant();
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    private static List<LedgerEntry> concat(List<LedgerEntry> list, LedgerEntry more) {
        ArrayList<LedgerEntry> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }
}
