package org.techtransfer.ledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import static org.techtransfer.ledger.app.security.Role.ADMIN;
import static org.techtransfer.ledger.app.security.Role.APPROVER;
import static org.techtransfer.ledger.app.security.Role.AUDITOR;
import static org.techtransfer.ledger.app.security.Role.FINANCE;
import static org.techtransfer.ledger.app.security.Role.RECORDER;

/**
 * Two doors. The API ({@code /api/v1}, actuator, OpenAPI): HTTP Basic on every endpoint but health, no
 * session of its own (a console session is honoured, for Swagger UI, with a CSRF token for writes), the role
 * table of docs/api.md. The console (every other path): a sign-in page (or the
 * institution's OpenID Connect provider, {@link OidcConfiguration}), a session that times out, CSRF tokens
 * on every form. The institution scope of a recorder depends on the contract, so the controllers and pages
 * check it ({@link Access}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String API = "/api/v1";

    /**
     * The paths below are matched as Spring MVC's path patterns, by the pattern alone: otherwise each matcher asks
     * Spring MVC's handler mappings which controller would take the request, and an Ant matcher beside it, at every
     * request. With the observations below gone too, Tomcat's CPU per HTTP command fell from 0.90 to 0.37 ms
     * (docs/benchmarks.md, session 9).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No observation of each security filter, sign-in and access decision: each made a timer and a long task timer
     * at every request (Micrometer took a seventh of an HTTP command's CPU on Tomcat's thread).
     * Every request is still timed, with its outcome, by {@code http.server.requests}.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager signIns) throws Exception {
        return http
                .securityMatcher(API + "/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                // the manager with the sign-in cache: without it Spring builds its own and checks bcrypt every request
                .authenticationManager(signIns)
                // a person signed in to the console is signed in here too (Swagger UI's "Try it out"); the API
                // itself keeps no session, and a write on the strength of the session needs the CSRF token
                .securityContext(c -> c.securityContextRepository(CONSOLE_SESSION))
                .csrf(csrf -> csrf.csrfTokenRepository(SWAGGER_UI_TOKENS)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                                && CONSOLE_SESSION.containsContext(request)))
                .addFilterAfter(new SwaggerUiToken(), CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic)", true)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic)", true))
                        .accessDeniedHandler((request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN,
                                e instanceof CsrfException ? "a write signed in by the console's session needs the "
                                        + "XSRF-TOKEN cookie's token in X-XSRF-TOKEN" : "your role may not do this", false)))
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
                        // achievements, incubations, demands: a recorder within its institution (the controllers hold it to it)
                        .requestMatchers(HttpMethod.POST, API + "/achievements", API + "/achievements/**",
                                API + "/incubations", API + "/incubations/**", API + "/demands", API + "/demands/**")
                        .hasAnyRole(RECORDER.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.POST, API + "/regions/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, API + "/achievements", API + "/demands", API + "/demands/**")
                        .authenticated()
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

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The console's session as the API reads it: never written, so that HTTP Basic requests stay stateless. */
    private static final ReadOnlySession CONSOLE_SESSION = new ReadOnlySession();

    /** Swagger UI sends the token of this cookie back in {@code X-XSRF-TOKEN} (springdoc.swagger-ui.csrf). */
    private static final CookieCsrfTokenRepository SWAGGER_UI_TOKENS = swaggerUiTokens();

    private static CookieCsrfTokenRepository swaggerUiTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    private static final class ReadOnlySession implements SecurityContextRepository {

        private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

        ReadOnlySession() {
            session.setAllowSessionCreation(false);
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            return session.loadDeferredContext(request);
        }

        @Override
        @Deprecated
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return session.loadDeferredContext(holder.getRequest()).get();
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            // HTTP Basic is checked on every request: nothing to keep
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return session.containsContext(request);
        }
    }

    /** Hands a person signed in to the console the CSRF cookie that Swagger UI's writes need (Spring's deferred token, read). */
    private static final class SwaggerUiToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && CONSOLE_SESSION.containsContext(request)
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
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
