package org.leifeng.portal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.leifeng.activity.ActivityChange;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.Approval;
import org.leifeng.activity.Category;
import org.leifeng.activity.NewActivity;
import org.leifeng.activity.NewShift;
import org.leifeng.platform.Problem;

/**
 * The editor's fields as typed, kept to show the form again after a refusal. Shift fields repeat, one per row; a row
 * without a date and position is an unused one. The form reads its text into the activity module's requests and
 * knows which of its fields shows each property of them; the rules are the module's.
 */
record ActivityForm(String title, String category, String organisationId, String team, String description,
        String address, String lat, String lon, String radius, String minAge, String maxAge, String approval,
        boolean waitlist, boolean insurance, boolean teamOnly, List<String> skills, String opensAt, String closesAt,
        String contactName, String contactPhone, List<ShiftForm> shiftRows) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern SHIFT_PATH = Pattern.compile("shifts\\[(\\d+)](?:\\.(.+))?");

    /** Property paths of {@link NewActivity} and {@link ActivityChange} that the form shows under another name. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("teamId", "team"),
            Map.entry("teamOnlyWithTeam", "team"), Map.entry("place", "address"), Map.entry("place.address", "address"),
            Map.entry("place.lat", "lat"), Map.entry("place.lon", "lon"), Map.entry("place.pointComplete", "lat"),
            Map.entry("place.radiusMeters", "radius"), Map.entry("ageRangeOrdered", "maxAge"),
            Map.entry("insuranceRequired", "insurance"), Map.entry("recruitmentOpensAt", "opensAt"),
            Map.entry("recruitmentClosesAt", "closesAt"), Map.entry("windowOrdered", "closesAt"),
            Map.entry("contact", "contactName"), Map.entry("contact.name", "contactName"),
            Map.entry("contact.phone", "contactPhone"));

    ActivityForm {
        title = title == null ? "" : title;
        skills = skills == null ? List.of() : List.copyOf(skills);
        shiftRows = shiftRows == null || shiftRows.isEmpty() ? List.of(ShiftForm.blank()) : List.copyOf(shiftRows);
    }

    static ActivityForm empty() {
        return new ActivityForm("", "COMMUNITY", "", "", "", "", "", "", "", "", "", "AUTO", true, false, false,
                List.of(), "", "", "", "", List.of(ShiftForm.blank()));
    }

    /** The form as posted; parameters are read one by one so that a comma in a value never splits it. */
    static ActivityForm read(HttpServletRequest request) {
        List<String> dates = all(request, "shiftDate");
        List<String> starts = all(request, "shiftStart");
        List<String> ends = all(request, "shiftEnd");
        List<Boolean> nextDays = rowFlags(all(request, "shiftNextDay"));
        List<String> capacities = all(request, "shiftCapacity");
        List<String> positions = all(request, "shiftPosition");
        List<ShiftForm> rows = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            rows.add(new ShiftForm(dates.get(i), at(starts, i), at(ends, i), i < nextDays.size() && nextDays.get(i),
                    at(capacities, i), at(positions, i)));
        }
        return new ActivityForm(one(request, "title"), one(request, "category"), one(request, "organisationId"),
                one(request, "team"), one(request, "description"), one(request, "address"), one(request, "lat"),
                one(request, "lon"), one(request, "radius"), one(request, "minAge"), one(request, "maxAge"),
                one(request, "approval"), checked(request, "waitlist"), checked(request, "insurance"),
                checked(request, "teamOnly"), all(request, "skills"), one(request, "opensAt"), one(request, "closesAt"),
                one(request, "contactName"), one(request, "contactPhone"), rows);
    }

    /** The form of an existing activity, to change its description (its organiser, team and shifts stay). */
    static ActivityForm of(ActivityView activity) {
        NewActivity.Place place = activity.place();
        NewActivity.Contact contact = activity.contact();
        return new ActivityForm(activity.title(), activity.category().name(), String.valueOf(activity.organisationId()),
                activity.teamId() == null ? "" : String.valueOf(activity.teamId()), activity.description(),
                place == null ? "" : text(place.address()), place == null ? "" : text(place.lat()),
                place == null ? "" : text(place.lon()), place == null ? "" : text(place.radiusMeters()),
                text(activity.minAge()), text(activity.maxAge()), activity.approval().name(), activity.waitlist(),
                activity.insuranceRequired(), activity.teamOnly(), activity.requiredSkills(),
                local(activity.recruitmentOpensAt()), local(activity.recruitmentClosesAt()),
                contact == null ? "" : text(contact.name()), contact == null ? "" : text(contact.phone()), List.of());
    }

    public boolean hasSkill(String code) {
        return skills.contains(code);
    }

    NewActivity toNewActivity() {
        FormReader read = new FormReader();
        List<NewShift> shifts = new ArrayList<>();
        for (int row : filledRows()) {
            shifts.add(shiftRows.get(row).toNewShift(read, field -> rowField(field, row)));
        }
        NewActivity activity = new NewActivity(title.strip(), read.choice("category", category, Category.class),
                read.id("organisationId", organisationId), read.id("team", team), description, place(read),
                read.whole("minAge", minAge), read.whole("maxAge", maxAge), skills, insurance, teamOnly,
                read.cityDateTime("opensAt", opensAt), read.cityDateTime("closesAt", closesAt),
                read.choice("approval", approval, Approval.class), waitlist, contact(), shifts);
        read.done();
        return activity;
    }

    ActivityChange toChange() {
        FormReader read = new FormReader();
        ActivityChange change = new ActivityChange(title.strip(), read.choice("category", category, Category.class),
                description, place(read), read.whole("minAge", minAge), read.whole("maxAge", maxAge), skills,
                insurance, read.cityDateTime("opensAt", opensAt), read.cityDateTime("closesAt", closesAt),
                read.choice("approval", approval, Approval.class), waitlist, contact());
        read.done();
        return change;
    }

    /** The field of the form that shows an error of the module's request (a shift's error shows in its row). */
    Problem.FieldError field(Problem.FieldError error) {
        Matcher shift = SHIFT_PATH.matcher(error.field());
        if (shift.matches()) {
            List<Integer> rows = filledRows();
            int index = Integer.parseInt(shift.group(1));
            int row = index < rows.size() ? rows.get(index) : 0;
            String property = shift.group(2) == null ? "date" : shift.group(2);
            return ShiftForm.field(new Problem.FieldError(property, error.message()), field -> rowField(field, row));
        }
        if (error.field().startsWith("requiredSkills")) {
            return new Problem.FieldError("skills", error.message());
        }
        String field = FIELDS.get(error.field());
        return field == null ? error : new Problem.FieldError(field, error.message());
    }

    /** The rows that hold a shift, in order: the module's {@code shifts[i]} is row {@code filledRows().get(i)}. */
    private List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < shiftRows.size(); i++) {
            if (!shiftRows.get(i).isBlank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** A shift field's name in the editor: {@code capacity} of row 2 is {@code shiftCapacity[2]}. */
    static String rowField(String field, int row) {
        return "shift" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "[" + row + "]";
    }

    private NewActivity.Place place(FormReader read) {
        Double latitude = read.decimal("lat", lat);
        Double longitude = read.decimal("lon", lon);
        Integer meters = read.whole("radius", radius);
        String where = FormReader.text(address);
        return where == null && latitude == null && longitude == null && meters == null ? null
                : new NewActivity.Place(where, latitude, longitude, meters);
    }

    private NewActivity.Contact contact() {
        String name = FormReader.text(contactName);
        String phone = FormReader.text(contactPhone);
        return name == null && phone == null ? null : new NewActivity.Contact(name, phone);
    }

    private static String one(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static List<String> all(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static boolean checked(HttpServletRequest request, String name) {
        return "true".equals(request.getParameter(name));
    }

    /**
     * The rows' checkboxes: each row sends an empty hidden value first and "true" after it when its box is ticked
     * (an unticked box sends nothing), so the values are read in the rows' order.
     */
    private static List<Boolean> rowFlags(List<String> values) {
        List<Boolean> rows = new ArrayList<>();
        for (String value : values) {
            if (value.isEmpty() || rows.isEmpty()) {
                rows.add(!value.isEmpty());
            } else {
                rows.set(rows.size() - 1, true);
            }
        }
        return rows;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    private static String local(OffsetDateTime at) {
        return at == null ? "" : LOCAL.format(at.atZoneSameInstant(ActivityPages.CITY_TIME));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
