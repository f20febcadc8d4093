package org.techtransfer.ledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.util.Optional;

import static org.techtransfer.ledger.app.security.Role.ADMIN;
import static org.techtransfer.ledger.app.security.Role.APPROVER;
import static org.techtransfer.ledger.app.security.Role.AUDITOR;
import static org.techtransfer.ledger.app.security.Role.FINANCE;
import static org.techtransfer.ledger.app.security.Role.RECORDER;

/**
 * Two doors. The API ({@code /api/v1}, actuator, OpenAPI): HTTP Basic on every endpoint but health, no
 * session, the role table of docs/api.md. The console (every other path): a sign-in page (or the
 * institution's OpenID Connect provider, {@link OidcConfiguration}), a session that times out, CSRF tokens
 * on every form. The institution scope of a recorder depends on the contract, so the controllers and pages
 * check it ({@link Access}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String API = "/api/v1";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager signIns) throws Exception {
        return http
                .securityMatcher(API + "/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                // the manager with the sign-in cache: without it Spring builds its own and checks bcrypt every request
                .authenticationManager(signIns)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic)", true)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic)", true))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "your role may not do this", false)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(ADMIN.name(), AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, API + "/institutions").hasRole(ADMIN.name())
                        // issue 23: a recorder records its own institution's notices (the controller holds it to it)
                        .requestMatchers(HttpMethod.POST, API + "/institutions/*/deal-notices")
                        .hasAnyRole(RECORDER.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.POST, API + "/institutions/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.POST, API + "/contracts/*/reward-decisions/*/approvals")
                        .hasRole(APPROVER.name())
                        .requestMatchers(HttpMethod.POST, API + "/contracts", API + "/contracts/**")
                        .hasAnyRole(RECORDER.name(), ADMIN.name())
                        // achievements and incubations: a recorder within its institution (the controllers hold it to it)
                        .requestMatchers(HttpMethod.POST, API + "/achievements", API + "/achievements/**",
                                API + "/incubations", API + "/incubations/**").hasAnyRole(RECORDER.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.POST, API + "/regions/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, API + "/achievements").authenticated()
                        .requestMatchers(HttpMethod.GET, API + "/contracts/**", API + "/institutions/**").authenticated()
                        // a recorder reads its own institution's obligations and payouts (the controllers hold it to it)
                        .requestMatchers(HttpMethod.GET, API + "/rewards/**", API + "/payouts").authenticated()
                        .requestMatchers(HttpMethod.GET, API + "/statistics/**")
                        .hasAnyRole(FINANCE.name(), AUDITOR.name(), ADMIN.name())
                        // a recorder reads its own institution's only: the controller holds it to that
                        .requestMatchers(HttpMethod.GET, API + "/reports/reward-tax", API + "/reports/annual-transformation")
                        .hasAnyRole(FINANCE.name(), AUDITOR.name(), ADMIN.name(), RECORDER.name())
                        .requestMatchers(API + "/audit/**", API + "/admin/**").hasAnyRole(AUDITOR.name(), ADMIN.name())
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        // any other method or path: signed-in users get the plain 404 or 405 it deserves
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * The console: people sign in once, with a password on the sign-in page or, when one is configured, at
     * the institution's OpenID Connect provider; their session ends after server.servlet.session.timeout.
     */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager signIns, Optional<OidcSignIn> oidc,
                                @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie)
            throws Exception {
        if (oidc.isPresent()) {
            // no password form; the OAuth2 sign-in brings its own authentication providers, so not the password manager
            oidc.get().configure(http);
        } else {
            http.authenticationManager(signIns)
                    .formLogin(form -> form.loginPage("/signin").defaultSuccessUrl("/", false).permitAll());
        }
        return http
                // the cookie goes too: the browser would show the ended session's id, and be told it expired
                .logout(out -> out.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut").deleteCookies(sessionCookie))
                // a page asked for with a session that has timed out says so on the sign-in page
                .exceptionHandling(x -> x.authenticationEntryPoint((request, response, e) -> response.sendRedirect(
                        request.getContextPath() + (request.getRequestedSessionId() != null
                                && !request.isRequestedSessionIdValid() ? "/signin?expired" : "/signin"))))
                .authorizeHttpRequests(a -> a
                        // with any query (?signedOut, ?expired, ?refused, ?lang=): the login configurers permit only exact URLs
                        .requestMatchers("/signin", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/statistics/**").hasAnyRole(FINANCE.name(), AUDITOR.name(), ADMIN.name())
                        .requestMatchers("/audit/**").hasAnyRole(AUDITOR.name(), ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
                                boolean challenge) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
