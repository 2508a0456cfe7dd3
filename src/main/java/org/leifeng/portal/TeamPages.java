package org.leifeng.portal;

import java.util.Set;
import java.util.stream.Collectors;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.organisation.JoinRequest;
import org.leifeng.organisation.JoinRequestStatus;
import org.leifeng.organisation.NewTeam;
import org.leifeng.organisation.Team;
import org.leifeng.organisation.TeamChange;
import org.leifeng.organisation.TeamMemberships;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Teams on pages: administrators and leaders manage them under {@code /admin/teams}; everyone signed in finds teams,
 * joins and leaves them at {@code /teams}. Every rule is the service's; the pages only gather the form fields.
 */
@WebPages
class TeamPages {

    private static final int MAX_NAME = 100;
    private static final int MAX_TEXT = 500;

    private final Teams teams;
    private final TeamMemberships memberships;
    private final AccessControl access;
    private final Flash flash;

    TeamPages(Teams teams, TeamMemberships memberships, AccessControl access, Flash flash) {
        this.teams = teams;
        this.memberships = memberships;
        this.access = access;
        this.flash = flash;
    }

    @GetMapping("/teams")
    String mine(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        if (access.currentCaller().isEmpty()) {
            return "redirect:/login";
        }
        String query = clip(q, MAX_NAME);
        model.addAttribute("q", query);
        model.addAttribute("mine", memberships.myTeams(new PageRequest(0, PageRequest.MAX_SIZE)).items());
        model.addAttribute("teams", teams.search(null, query, new PageRequest(Math.max(page, 0), 20)));
        Set<Long> waiting = memberships.myOpenRequests().stream().map(JoinRequest::teamId).collect(Collectors.toSet());
        model.addAttribute("waiting", waiting);
        return "teams";
    }

    @PostMapping("/teams/join")
    String joinWithCode(@RequestParam(defaultValue = "") String inviteCode, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> memberships.joinWithCode(clip(inviteCode, 20)), "teams.joined");
        return "redirect:/teams";
    }

    @PostMapping("/teams/{id}/join-requests")
    String requestToJoin(@PathVariable long id, @RequestParam(defaultValue = "") String message, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> memberships.requestToJoin(id, clip(message, MAX_TEXT)), "teams.requested");
        return "redirect:/teams";
    }

    @PostMapping("/teams/{id}/leave")
    String leave(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> {
            memberships.leave(id);
            return id;
        }, "teams.left");
        return "redirect:/teams";
    }

    @GetMapping("/admin/teams")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        requireAdministratorOrLeader();
        String query = clip(q, MAX_NAME);
        model.addAttribute("q", query);
        model.addAttribute("teams", teams.search(null, query, new PageRequest(Math.max(page, 0), 50)));
        model.addAttribute("mayCreate", access.isAdministrator());
        return "admin/teams";
    }

    @PostMapping("/admin/teams")
    String create(@RequestParam(required = false) Long organisationId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam(required = false) Long leaderAccountId,
            RedirectAttributes redirect) {
        boolean valid = organisationId != null && organisationId > 0 && leaderAccountId != null && leaderAccountId > 0
                && !name.isBlank() && name.strip().length() <= MAX_NAME && description.length() <= 2000;
        if (!valid) {
            flash.error(redirect, "problem.invalidInput");
            return "redirect:/admin/teams";
        }
        Team created = flash.attempt(redirect, () -> teams.create(new NewTeam(organisationId, name, description,
                leaderAccountId)), "teams.created", name.strip());
        return created == null ? "redirect:/admin/teams" : "redirect:/admin/teams/" + created.id();
    }

    @GetMapping("/admin/teams/{id}")
    String detail(@PathVariable long id, Model model) {
        Team team = teams.get(id);
        if (!team.managedByCaller()) {
            throw new Forbidden("problem.teamManagerRequired", "Only the leader or an administrator manages this team.");
        }
        model.addAttribute("team", team);
        model.addAttribute("members", memberships.members(id, false, new PageRequest(0, PageRequest.MAX_SIZE)));
        model.addAttribute("requests", memberships.requests(id, JoinRequestStatus.PENDING, new PageRequest(0, 50)));
        return "admin/team";
    }

    @PostMapping("/admin/teams/{id}")
    String edit(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        if (name.isBlank() || name.strip().length() > MAX_NAME || description.length() > 2000) {
            flash.error(redirect, "problem.invalidInput");
        } else {
            flash.attempt(redirect, () -> teams.update(id, new TeamChange(name, description, null, null)), "teams.saved");
        }
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/invite-code")
    String regenerateInviteCode(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> teams.regenerateInviteCode(id), "teams.inviteCode.regenerated");
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/join-requests/{requestId}/approve")
    String approve(@PathVariable long id, @PathVariable long requestId, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> memberships.approve(requestId), "teams.approved");
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/join-requests/{requestId}/reject")
    String reject(@PathVariable long id, @PathVariable long requestId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            flash.error(redirect, "problem.invalidInput");
        } else {
            flash.attempt(redirect, () -> memberships.reject(requestId, clip(reason, MAX_TEXT)), "teams.rejected");
        }
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/members/{accountId}/remove")
    String remove(@PathVariable long id, @PathVariable long accountId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> {
            memberships.remove(id, accountId, clip(reason, MAX_TEXT));
            return accountId;
        }, "teams.removed");
        return "redirect:/admin/teams/" + id;
    }

    /** The team administration list is for administrators and for those who lead teams. */
    private void requireAdministratorOrLeader() {
        access.caller();
        boolean leads = access.grants().stream().anyMatch(grant -> grant.role().satisfies(Role.TEAM_LEADER));
        if (!leads) {
            throw new Forbidden("problem.adminOnly", "Only administrators and team leaders use these pages.");
        }
    }

    private static String clip(String value, int length) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > length ? stripped.substring(0, length) : stripped;
    }
}
