package org.leifeng.portal;

import org.leifeng.organisation.Organisations;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@WebPages
class HomePage {

    private final Organisations organisations;

    HomePage(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("city", organisations.cityOverview());
        return "index";
    }
}
