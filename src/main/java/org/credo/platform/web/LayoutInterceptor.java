package org.credo.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.credo.platform.CurrentUser;
import org.credo.platform.NavItem;
import org.credo.platform.people.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Adds what the layout needs to every rendered page: the user, the navigation for their roles, their organizations. */
class LayoutInterceptor implements HandlerInterceptor {

    private final List<NavItem> navigation;
    private final Accounts accounts;

    LayoutInterceptor(List<NavItem> navigation, Accounts accounts) {
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavItem::order))
                .toList();
        this.accounts = accounts;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        view.addObject("requestPath", request.getRequestURI());
        var signedIn = CurrentUser.find();
        if (signedIn.isEmpty()) {
            // Readers of the public pages: the entries anyone may open (the catalog, verification).
            view.addObject(
                    "nav",
                    navigation.stream()
                            .filter(item -> item.roles().isEmpty() && !"/".equals(item.href()))
                            .toList());
        }
        signedIn.ifPresent(user -> {
            view.addObject("me", user);
            view.addObject(
                    "nav",
                    navigation.stream()
                            .filter(item -> item.roles().isEmpty()
                                    || item.roles().stream().anyMatch(user::hasRole))
                            .toList());
            view.addObject("memberships", accounts.activeMemberships(user.personId()));
        });
    }
}
