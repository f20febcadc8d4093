package org.techtransfer.ledger.app.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The language of pages and of refusals' {@code detail}: the one chosen on a page (a cookie), else the first
 * of the browser's {@code Accept-Language} that the ledger speaks, else English, so that an API client that
 * asks for nothing in particular keeps hearing the English of docs/api.md.
 */
public final class ConsoleLocale implements LocaleResolver {

    static final String COOKIE = "ledger-lang";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return spoken(Locale.forLanguageTag(cookie.getValue()));
                }
            }
        }
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        for (Enumeration<Locale> asked = request.getLocales(); asked.hasMoreElements(); ) {
            Locale locale = asked.nextElement();
            if (locale.getLanguage().equals("zh") || locale.getLanguage().equals("en")) {
                return spoken(locale);
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, spoken(locale).toLanguageTag());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        response.addCookie(cookie);
    }

    private static Locale spoken(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? CHINESE : Locale.ENGLISH;
    }
}
