package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.Masking;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PublicUrl;
import org.leifeng.platform.RuleViolation;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of service records (志愿服务记录证明, 民政部《志愿服务记录与证明出具办法》): free, truthful, issued to the
 * volunteer or by an administrator over them, listing every credited record with the organisation that recorded it.
 * What a certificate says is frozen at issue; a later correction of the ledger marks it superseded, and the public
 * verification then says so.
 */
@Service
public class Certificates {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final CertificateStore store;
    private final CertificatePdf pdf;
    private final VerificationThrottle throttle;
    private final CertifiedService ledger;
    private final Volunteers volunteers;
    private final Organisations organisations;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Clock clock;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    Certificates(CertificateStore store, CertificatePdf pdf, VerificationThrottle throttle,
            CertifiedService ledger, Volunteers volunteers,
            Organisations organisations, AccessControl access, AuditTrail audit, Clock clock,
            MessageSource messages, PublicUrl publicUrl) {
        this.store = store;
        this.pdf = pdf;
        this.throttle = throttle;
        this.ledger = ledger;
        this.volunteers = volunteers;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    /** Issues a certificate of everything credited so far; the volunteer themself or an administrator over them. */
    @Transactional
    public CertificateIssued issue(long volunteerId) {
        VolunteerProfile volunteer = volunteers.get(volunteerId);
        List<CertifiedService.Record> records = ledger.creditedRecordsOf(volunteerId);
        if (records.isEmpty()) {
            throw new RuleViolation("certificate.nothingToCertify", "There is no credited service to certify yet.");
        }
        String number = CertificateNumbers.next(Year.now(clock.withZone(CITY)));
        CertificateContent content = content(number, volunteer, records);
        store.insert(content, pdf.render(content), access.caller().accountId());
        audit.describe(HoursAudit.CERTIFICATE_ISSUED, "volunteer", volunteerId, volunteer.organisationId());
        return issued(content, true);
    }

    /** The volunteer's certificates, newest first; for them and administrators over them. */
    @Transactional(readOnly = true)
    public List<CertificateIssued> of(long volunteerId) {
        volunteers.get(volunteerId);
        return store.ofVolunteer(volunteerId).stream().map(found -> issued(found.content(), found.valid())).toList();
    }

    /** The PDF as issued; for the volunteer and administrators over them (404 for anyone else). */
    @Transactional(readOnly = true)
    public byte[] pdf(String typedNumber) {
        String number = CertificateNumbers.normalise(typedNumber);
        CertificateStore.Pdf found = number == null ? null : store.pdf(number).orElse(null);
        if (found == null) {
            throw new NotFound("certificate", typedNumber);
        }
        volunteers.get(found.volunteerId());
        return found.pdf();
    }

    /**
     * For anyone: valid, superseded, or 404 when no certificate has this number; rationed per client address
     * (429 beyond the allowance).
     */
    @Transactional(readOnly = true)
    public CertificateVerification verify(String typedNumber, String clientAddress) {
        throttle.admit(clientAddress);
        String number = CertificateNumbers.normalise(typedNumber);
        CertificateStore.Issued found = number == null ? null : store.find(number).orElse(null);
        if (found == null) {
            throw new NotFound("certificate", typedNumber);
        }
        CertificateContent content = found.content();
        CertificateStatus status = found.valid() ? CertificateStatus.VALID : CertificateStatus.SUPERSEDED;
        return new CertificateVerification(content.number(), found.valid(), status,
                Masking.name(content.volunteerName()), content.totalHours(), content.issuedAt(),
                String.join("、", content.issuers()), content.issuers(), found.supersededAt());
    }

    /**
     * The ledger of the volunteer changed (a correction): certificates issued before it no longer tell the truth of
     * today. Called by the ledger in the correction's transaction.
     */
    void supersedeFor(long volunteerId, OffsetDateTime changedAt, String because) {
        store.supersede(volunteerId, changedAt, because);
    }

    private CertificateContent content(String number, VolunteerProfile volunteer, List<CertifiedService.Record> records) {
        Set<Long> organisationIds = new LinkedHashSet<>();
        records.forEach(record -> organisationIds.add(record.organisationId()));
        Map<Long, String> names = organisations.namesOf(organisationIds);
        List<CertificateContent.Item> items = records.stream()
                .map(record -> new CertificateContent.Item(record.serviceDate(), record.activityTitle(),
                        names.getOrDefault(record.organisationId(), ""), record.hours()))
                .toList();
        BigDecimal total = records.stream().map(CertifiedService.Record::hours).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(1);
        List<String> issuers = new ArrayList<>(organisationIds.stream().map(names::get).filter(name -> name != null)
                .distinct().toList());
        issuers.add(organisations.cityOverview().cityName() + "志愿服务平台");
        return new CertificateContent(number, volunteer.id(), volunteer.name(), messages.getMessage("idType." + volunteer.idType().name(), null, Locale.SIMPLIFIED_CHINESE),
                volunteer.idNumberMasked(), volunteer.volunteerNumber(), total, items, issuers,
                OffsetDateTime.now(clock).atZoneSameInstant(CITY).toOffsetDateTime(), verifyUrl(number));
    }

    private CertificateIssued issued(CertificateContent content, boolean valid) {
        return new CertificateIssued(content.number(), "/api/v1/certificates/" + content.number() + "/pdf",
                content.verifyUrl(), content.totalHours(), content.issuedAt(), valid);
    }

    /** The address printed in the QR code. */
    private String verifyUrl(String number) {
        return publicUrl.base() + "/verify/" + number;
    }
}
