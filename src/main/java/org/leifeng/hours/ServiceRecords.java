package org.leifeng.hours;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Folds a chain into records: each CREDIT, MANUAL or REFUSED entry is a record; APPROVAL, REJECTION and CORRECTION
 * entries change the record they refer to. Also the ledger as certificates read it.
 */
@Component
class ServiceRecords implements CertifiedService {

    private final HoursStore store;

    ServiceRecords(HoursStore store) {
        this.store = store;
    }

    /** The records of a chain, the most recent service first. */
    List<ServiceRecordView> of(List<LedgerEntry> chain) {
        Map<Long, LedgerEntry> records = new LinkedHashMap<>();
        Map<Long, List<LedgerEntry>> followUps = new LinkedHashMap<>();
        for (LedgerEntry entry : chain) {
            if (entry.refersTo() == null) {
                records.put(entry.id(), entry);
            } else {
                followUps.computeIfAbsent(entry.refersTo(), id -> new ArrayList<>()).add(entry);
            }
        }
        return records.values().stream()
                .map(record -> one(record, followUps.getOrDefault(record.id(), List.of())))
                .sorted(Comparator.comparing(ServiceRecordView::serviceDate).thenComparing(ServiceRecordView::id)
                        .reversed())
                .toList();
    }

    /** One record with the entries that refer to it, in chain order. */
    ServiceRecordView one(LedgerEntry record, List<LedgerEntry> followUps) {
        ServiceRecordStatus status = switch (record.kind()) {
            case CREDIT -> ServiceRecordStatus.CREDITED;
            case REFUSED -> ServiceRecordStatus.REFUSED;
            default -> ServiceRecordStatus.PENDING;
        };
        String reason = record.kind() == EntryKind.REFUSED ? record.note() : null;
        BigDecimal hours = record.hours();
        int corrections = 0;
        Long lastCorrection = null;
        for (LedgerEntry followUp : followUps) {
            switch (followUp.kind()) {
                case APPROVAL -> status = ServiceRecordStatus.CREDITED;
                case REJECTION -> {
                    status = ServiceRecordStatus.REJECTED;
                    reason = followUp.note();
                }
                case CORRECTION -> {
                    hours = followUp.hours();
                    reason = followUp.note();
                    corrections++;
                    lastCorrection = followUp.id();
                }
                default -> throw new IllegalStateException("Entry " + followUp.id() + " cannot refer to a record");
            }
        }
        BigDecimal counted = status == ServiceRecordStatus.CREDITED ? hours : BigDecimal.ZERO.setScale(1);
        ServiceRecordSource source = record.kind() == EntryKind.MANUAL ? ServiceRecordSource.MANUAL
                : ServiceRecordSource.ATTENDANCE;
        return new ServiceRecordView(record.id(), record.volunteerId(), source, status, record.activityId(),
                record.activityTitle(), record.organisationId(), record.serviceDate(), record.servedFrom(),
                record.servedUntil(), status == ServiceRecordStatus.CREDITED ? counted : hours, record.hours(),
                record.kind() == EntryKind.REFUSED ? null : record.note(), reason, corrections, lastCorrection,
                record.recordedBy(), record.recordedAt());
    }

    @Override
    public List<Record> creditedRecordsOf(long volunteerId) {
        return of(store.chain(volunteerId)).stream()
                .filter(record -> record.status() == ServiceRecordStatus.CREDITED && record.hours().signum() > 0)
                .sorted(Comparator.comparing(ServiceRecordView::serviceDate).thenComparing(ServiceRecordView::id))
                .map(record -> new Record(record.serviceDate(), record.activityTitle(), record.organisationId(),
                        record.hours()))
                .toList();
    }
}
