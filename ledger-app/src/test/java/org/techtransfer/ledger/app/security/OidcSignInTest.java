package org.techtransfer.ledger.app.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.OidcProvider;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.PreparedContracts.created;

/**
 * The console's sign-in through a real OpenID Connect provider (Spring Authorization Server, started here),
 * driven as a browser would: the sign-in page's button, the provider's login form, the way back with the
 * code, then the ledger's pages with the role and institution the provider's claims gave. The ledger is
 * configured through the environment's names (LEDGER_OIDC_*), as an operator would.
 */
class OidcSignInTest {

    private static final OidcProvider.Client CLIENT = new OidcProvider.Client("ledger-console", "console-secret");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SIGN_IN_BUTTON = Pattern.compile("href=\"([^\"]*/oauth2/authorization/ledger)\"");

    private static OidcProvider provider;
    private static LedgerNode node;
    /** The ledger as people reach it: on a loopback address, the only kind of http redirect the provider allows. */
    private static String ledger;

    @BeforeAll
    static void start() {
        provider = OidcProvider.start(CLIENT, List.of(
                new OidcProvider.Person("alice", Map.of("ledger_role", "RECORDER", "ledger_institution", "DEMO-A",
                        "preferred_username", "alice@demo-a.example")),
                // a provider's group list, of which one entry names a role; no preferred_username: the subject names her
                new OidcProvider.Person("audrey", Map.of("ledger_role", List.of("offline_access", "auditor"))),
                new OidcProvider.Person("mallory", Map.of("ledger_institution", "DEMO-A")),
                new OidcProvider.Person("wizard", Map.of("ledger_role", "WIZARD")),
                new OidcProvider.Person("rita", Map.of("ledger_role", "RECORDER")),
                new OidcProvider.Person("janus", Map.of("ledger_role", List.of("AUDITOR", "ADMIN")))));
        node = LedgerNode.start(TestDatabase.fresh(),
                "--LEDGER_OIDC_ISSUER_URI=" + provider.issuer(),
                "--LEDGER_OIDC_CLIENT_ID=" + CLIENT.id(),
                "--LEDGER_OIDC_CLIENT_SECRET=" + CLIENT.secret(),
                "--LEDGER_OIDC_NAME=Demo University");
        ledger = "http://127.0.0.1:" + node.port();
        LedgerClient api = node.client();
        created(api.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        created(api.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        created(api.post("admin", "/api/v1/contracts", contract("C-OIDC-A", "DEMO-A", "LICENSE")));
        created(api.post("admin", "/api/v1/contracts", contract("C-OIDC-B", "DEMO-B", "LICENSE")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theSignInPageOffersTheProviderInsteadOfAPassword() {
        Browser browser = new Browser();
        Browser.Page signIn = browser.open(ledger + "/");
        assertThat(signIn.uri().getPath()).isEqualTo("/signin");
        assertThat(signIn.body()).contains("Sign in with Demo University").contains("/oauth2/authorization/ledger")
                .doesNotContain("type=\"password\"");
        // the provider sends people back cross-site: a SameSite=Strict session cookie would not come with them
        assertThat(signIn.hops().get(0).headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax"));
    }

    @Test
    void aRecorderSignsInAtTheProviderAndReadsItsOwnInstitutionOnly() {
        Browser alice = new Browser();
        Browser.Page home = signIn(alice, "alice");
        assertThat(home.uri().toString()).startsWith(ledger + "/");
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as alice@demo-a.example (Recorder)");

        assertThat(alice.open(ledger + "/contracts/C-OIDC-A").status()).isEqualTo(200);
        assertThat(alice.open(ledger + "/contracts/C-OIDC-B").status()).isEqualTo(403);
        assertThat(alice.open(ledger + "/audit").status()).isEqualTo(403);
        assertThat(alice.open(ledger + "/statistics").status()).isEqualTo(403);
    }

    @Test
    void theRoleMayBeOneEntryOfAListAndTheSubjectNamesWhomNoUsernameClaimDoes() {
        Browser audrey = new Browser();
        Browser.Page home = signIn(audrey, "audrey");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as audrey (Auditor)");
        assertThat(audrey.open(ledger + "/audit").status()).isEqualTo(200);
        assertThat(audrey.open(ledger + "/contracts/C-OIDC-B").status()).isEqualTo(200);
    }

    /** No role claim; a role the ledger does not know; a recorder without institution; two roles at once. */
    @ParameterizedTest
    @ValueSource(strings = {"mallory", "wizard", "rita", "janus"})
    void whoseClaimsGiveNoSingleValidRoleIsRefusedWithAMessage(String username) {
        Browser browser = new Browser();
        Browser.Page refused = signIn(browser, username);
        assertThat(refused.uri().toString()).isEqualTo(ledger + "/signin?refused");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Demo University has signed you in, but your account there carries no role")
                .doesNotContain("Exception");
        assertThat(browser.open(ledger + "/").uri().getPath()).isEqualTo("/signin");
    }

    @Test
    void signingOutEndsTheSession() {
        Browser alice = new Browser();
        Browser.Page home = signIn(alice, "alice");
        assertThat(home.body()).contains("alice@demo-a.example");
        String session = alice.cookie(ledger, "JSESSIONID");
        Browser.Page out = alice.submit(ledger + "/signout", Map.of("_csrf", csrf(home.body())));
        assertThat(out.uri().toString()).isEqualTo(ledger + "/signin?signedOut");
        assertThat(out.body()).contains("You have signed out.");
        Browser.Page after = alice.open(ledger + "/contracts/C-OIDC-A");
        assertThat(after.uri().getPath()).isEqualTo("/signin");
        assertThat(after.body()).doesNotContain("alice@demo-a.example");
        // the session is over on the server, not only forgotten by the browser
        Browser.Hop replayed = new Browser().send(HttpRequest.newBuilder(URI.create(ledger + "/contracts/C-OIDC-A"))
                .header("Cookie", "JSESSIONID=" + session));
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/signin"));
    }

    @Test
    void theApiKeepsHttpBasicAndNeverSendsAnyoneToTheProvider() {
        assertThat(node.client().get("admin", "/api/v1/contracts/C-OIDC-A").status()).isEqualTo(200);
        assertThat(node.client().get("recorder-a", "/api/v1/contracts/C-OIDC-B").status()).isEqualTo(403);

        Browser stranger = new Browser();
        Browser.Hop anonymous = stranger.send(HttpRequest.newBuilder(URI.create(ledger + "/api/v1/contracts/C-OIDC-A")));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"ledger\"");
        assertThat(anonymous.headers().firstValue("Location")).isEmpty();

        // a console session is honoured (Swagger UI in the console's browser), never sent to the provider; the
        // API keeps no session of its own
        Browser alice = new Browser();
        signIn(alice, "alice");
        Browser.Hop withSession = alice.send(HttpRequest.newBuilder(URI.create(ledger + "/api/v1/contracts/C-OIDC-A"))
                .header("Accept", "application/json"));
        assertThat(withSession.status()).isEqualTo(200);
        assertThat(withSession.headers().firstValue("Location")).isEmpty();
        assertThat(withSession.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("JSESSIONID");
    }

    /** From the ledger's front page, through its sign-in page's button, to the provider's login form and back. */
    private static Browser.Page signIn(Browser browser, String username) {
        Browser.Page signInPage = browser.open(ledger + "/");
        assertThat(signInPage.uri().getPath()).isEqualTo("/signin");
        Matcher button = SIGN_IN_BUTTON.matcher(signInPage.body());
        assertThat(button.find()).as("the provider's button on " + signInPage.body()).isTrue();
        Browser.Page login = browser.open(signInPage.uri().resolve(button.group(1)).toString());
        assertThat(login.uri().toString()).isEqualTo(provider.issuer() + "/login");
        return browser.submit(provider.issuer() + "/login",
                Map.of("username", username, "password", OidcProvider.PASSWORD, "_csrf", csrf(login.body())));
    }

    private static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF token in " + html).isTrue();
        return token.group(1);
    }

    /** A browser without a script engine: cookies per host, redirects followed one by one. */
    private static final class Browser {

        record Hop(URI uri, int status, java.net.http.HttpHeaders headers, String body) {
        }

        /** Where the redirects ended, and each answer on the way. */
        record Page(URI uri, int status, String body, List<Hop> hops) {
        }

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        String cookie(String site, String name) {
            return cookies.getCookieStore().get(URI.create(site)).stream().filter(c -> c.getName().equals(name))
                    .findFirst().orElseThrow().getValue();
        }

        Page open(String url) {
            return follow(send(HttpRequest.newBuilder(URI.create(url))), new ArrayList<>());
        }

        Page submit(String url, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return follow(send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))), new ArrayList<>());
        }

        Hop send(HttpRequest.Builder request) {
            try {
                HttpRequest built = request.header("Accept", "text/html").header("Accept-Language", "en").build();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                return new Hop(built.uri(), response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Page follow(Hop hop, List<Hop> hops) {
            hops.add(hop);
            while (hop.status() / 100 == 3) {
                assertThat(hops).as("redirects").hasSizeLessThan(12);
                URI next = hop.uri().resolve(hop.headers().firstValue("Location").orElseThrow());
                hop = send(HttpRequest.newBuilder(next));
                hops.add(hop);
            }
            return new Page(hop.uri(), hop.status(), hop.body(), hops);
        }
    }
}
