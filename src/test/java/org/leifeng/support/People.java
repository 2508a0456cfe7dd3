package org.leifeng.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.leifeng.volunteer.ResidentIdNumber;

/** Fictitious people for tests: valid resident ID numbers nobody holds, unique per run. */
public final class People {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 50_000);

    private People() {
    }

    /** A valid resident ID number of someone born on that day in 龙亭区; never the same twice in a run. */
    public static String residentId(LocalDate birthDate) {
        long serial = SERIAL.incrementAndGet();
        String area = "4102" + String.format("%02d", 30 + (serial / 1000) % 60);
        String first17 = area + birthDate.toString().replace("-", "") + String.format("%03d", serial % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static String adultId() {
        return residentId(LocalDate.now().minusYears(30).minusDays(SERIAL.get() % 300));
    }

    /** A registration body for an adult with a resident ID; callers change what their test is about. */
    public static Map<String, Object> registration(String idNumber, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "测试志愿者");
        body.put("idType", "RESIDENT_ID");
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("password", "volunteer-pass-1");
        body.put("skills", List.of("FIRST_AID"));
        body.put("consent", true);
        return body;
    }
}
