package org.leifeng.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivitySearch;
import org.leifeng.activity.ActivitySearchQuery;
import org.leifeng.activity.ActivityStatus;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.Category;
import org.leifeng.activity.ShiftStatus;
import org.leifeng.activity.ShiftView;
import org.leifeng.activity.SignUps;
import org.leifeng.activity.SignupStatus;
import org.leifeng.activity.SignupView;
import org.leifeng.identity.AccessControl;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Activities for the public and volunteers: the list at {@code /activities}, one activity with its shifts, and
 * "我的报名" at {@code /account/signups}. Signing up and cancelling post with htmx and answer just the changed row;
 * without script the same forms post, redirect and tell the outcome on the next page.
 */
@WebPages
class ActivityPages {

    static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final int PAGE_SIZE = 20;

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private final Activities activities;
    private final ActivitySearch search;
    private final SignUps signUps;
    private final AccessControl access;
    private final Volunteers volunteers;
    private final ProblemDetails problems;
    private final MessageSource messages;
    private final Flash flash;
    private final Clock clock;

    ActivityPages(Activities activities, ActivitySearch search, SignUps signUps, AccessControl access, Volunteers volunteers,
            ProblemDetails problems, MessageSource messages, Flash flash, Clock clock) {
        this.activities = activities;
        this.search = search;
        this.signUps = signUps;
        this.access = access;
        this.volunteers = volunteers;
        this.problems = problems;
        this.messages = messages;
        this.flash = flash;
        this.clock = clock;
    }

    /** Activities from today on (or the chosen days), every filter answered by the activity search. */
    @GetMapping("/activities")
    String list(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean free, @RequestParam(defaultValue = "0") int page, Model model) {
        Category chosen = Arrays.stream(Category.values()).filter(c -> c.name().equals(category)).findFirst().orElse(null);
        String text = clip(q, ActivitySearchQuery.MAX_TEXT);
        OffsetDateTime since = from == null ? OffsetDateTime.now(clock) : startOf(from);
        OffsetDateTime until = to == null ? null : startOf(to.plusDays(1));
        if (until != null && !until.isAfter(since)) {
            until = null;
        }
        ActivitySearchQuery query = new ActivitySearchQuery(null, chosen, since, until, text, null, null, null, free);
        model.addAttribute("activities", search.find(query, new PageRequest(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("categories", Category.values());
        model.addAttribute("category", chosen == null ? "" : chosen.name());
        model.addAttribute("q", text);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("free", free);
        return "activities/list";
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(CITY_ZONE).toOffsetDateTime();
    }

    @GetMapping("/activities/{id}")
    String detail(@PathVariable long id, Model model) {
        ActivityView activity = activities.get(id);
        Map<Long, SignupView> mine = myLiveSignups();
        model.addAttribute("activity", activity);
        model.addAttribute("rows", activity.shifts().stream().map(shift -> row(activity, shift, mine, null, false)).toList());
        model.addAttribute("volunteer", isVolunteer());
        return "activities/detail";
    }

    @PostMapping("/activities/{id}/shifts/{shiftId}/signup")
    String signUp(@PathVariable long id, @PathVariable long shiftId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return answer(id, shiftId, () -> signUps.signUp(shiftId, null), "activityPages.signedUp", htmx, model, redirect);
    }

    @PostMapping("/activities/{id}/shifts/{shiftId}/cancel")
    String cancelFromActivity(@PathVariable long id, @PathVariable long shiftId, @RequestParam long signupId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return answer(id, shiftId, () -> signUps.cancel(signupId), "activityPages.cancelled", htmx, model, redirect);
    }

    @GetMapping("/account/signups")
    String mine(Model model) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SignupView> all = isVolunteer() ? signUps.mine(new PageRequest(0, PageRequest.MAX_SIZE)).items() : List.of();
        Comparator<SignupView> upcomingFirst = Comparator.comparing((SignupView s) -> s.shiftEndsAt().isBefore(now))
                .thenComparing(s -> s.shiftEndsAt().isBefore(now) ? -s.shiftStartsAt().toEpochSecond()
                        : s.shiftStartsAt().toEpochSecond());
        model.addAttribute("signups", all.stream().sorted(upcomingFirst).map(s -> mineRow(s, null, false)).toList());
        model.addAttribute("volunteer", isVolunteer());
        return "activities/mine";
    }

    @PostMapping("/account/signups/{id}/cancel")
    String cancelMine(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        if (htmx == null) {
            flash.attempt(redirect, () -> signUps.cancel(id), "activityPages.cancelled");
            return "redirect:/account/signups";
        }
        try {
            SignupView cancelled = signUps.cancel(id);
            model.addAttribute("signups", List.of(mineRow(cancelled, message("activityPages.cancelled"), false)));
        } catch (Problem problem) {
            model.addAttribute("signups", List.of(mineRow(signUps.get(id), problems.of(problem).getDetail(), true)));
        }
        return "activities/mine :: row";
    }

    private String answer(long activityId, long shiftId, Supplier<SignupView> action, String success,
            String htmx, Model model, RedirectAttributes redirect) {
        if (htmx == null) {
            flash.attempt(redirect, action, success);
            return "redirect:/activities/" + activityId + "#shift-" + shiftId;
        }
        String message;
        boolean refused = false;
        try {
            action.get();
            message = message(success);
        } catch (Problem problem) {
            message = problems.of(problem).getDetail();
            refused = true;
        }
        ActivityView activity = activities.get(activityId);
        ShiftView shift = activity.shifts().stream().filter(s -> s.id() == shiftId).findFirst()
                .orElseThrow(() -> new NotFound("shift", shiftId));
        model.addAttribute("activity", activity);
        model.addAttribute("rows", List.of(row(activity, shift, myLiveSignups(), message, refused)));
        model.addAttribute("volunteer", isVolunteer());
        return "activities/detail :: shift";
    }

    private ShiftRow row(ActivityView activity, ShiftView shift, Map<Long, SignupView> mine, String message,
            boolean refused) {
        boolean open = activity.status() == ActivityStatus.PUBLISHED && !activity.backfilled() && upcoming(shift);
        return new ShiftRow(shift, mine.get(shift.id()), open, message, refused);
    }

    private MySignup mineRow(SignupView signup, String message, boolean refused) {
        boolean cancellable = SignupStatus.LIVE.contains(signup.status())
                && signup.shiftStartsAt().isAfter(OffsetDateTime.now(clock));
        return new MySignup(signup, cancellable, message, refused);
    }


    private Map<Long, SignupView> myLiveSignups() {
        if (!isVolunteer()) {
            return Map.of();
        }
        return signUps.mine(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(signup -> SignupStatus.LIVE.contains(signup.status()))
                .collect(Collectors.toMap(SignupView::shiftId, Function.identity(), (a, b) -> a));
    }

    private boolean isVolunteer() {
        return access.currentCaller().flatMap(caller -> volunteers.idOfAccount(caller.account())).isPresent();
    }

    private boolean upcoming(ShiftView shift) {
        return shift.status() == ShiftStatus.OPEN && shift.startsAt().isAfter(OffsetDateTime.now(clock));
    }


    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private static String clip(String value, int length) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > length ? stripped.substring(0, length) : stripped;
    }

    /** An activity in the list: its next shift still to come and the places free over all of them. */

    /** A shift on the activity page with the caller's live sign-up, and the outcome of what they just did. */
    record ShiftRow(ShiftView shift, SignupView mine, boolean open, String message, boolean refused) {
    }

    /** A line of "我的报名". */
    record MySignup(SignupView signup, boolean cancellable, String message, boolean refused) {
    }
}
