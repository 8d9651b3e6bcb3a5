package dev.switchboard.ticket.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.switchboard.contract.Priority;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.Conversations;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer rates a solved ticket in a real browser: headless Chromium (Debian's chromium and
 * chromium-driver, installed by .ci/run) on the page the running test app serves.
 */
@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class CsatPageBrowserTest {

    @TestHTTPResource("/")
    URL app;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(onPath("chromium"))
                // Root in CI: Chromium's sandbox refuses root; /dev/shm is small in containers.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // The installed driver, so Selenium Manager never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(onPath("chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerRatesInTheBrowserAndTheirCommentIsShownAsTextNeverRun() {
        String ticketId = Conversations.start("joy", Priority.MEDIUM).open("My e-mail stopped syncing");
        String token = Conversations.solveAndGetSurveyToken(ticketId);
        String comment = "<script>document.title='pwned'</script> Fixed <b>fast</b>, thanks!";

        browser.get(app.toString() + "csat/" + token);
        assertThat(browser.getTitle()).isEqualTo("How did we do?");
        browser.findElement(By.id("rating-4")).click();
        browser.findElement(By.id("comment-input")).sendKeys(comment);
        browser.findElement(By.id("send")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertThat(browser.findElement(By.id("rating")).getText()).isEqualTo("4");
        // Shown as the customer typed it: text, not markup; the script did not run.
        assertThat(browser.findElement(By.id("comment")).getText()).isEqualTo(comment);
        assertThat(browser.findElements(By.cssSelector("#comment script, #comment b"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("How did we do?");
        assertThat(browser.getPageSource()).contains("&lt;script&gt;");

        TicketApi.get(ticketId).then()
                .body("csat.rating", is(4))
                .body("csat.comment", is(comment))
                .body("csat.channel", is("web"));
    }

    private static String onPath(String command) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(command + " is not on PATH; .ci/run installs it (apt-get install chromium chromium-driver)"));
    }
}
