package org.armstrace;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's Chromium and ChromeDriver, headless, for browser tests ({@code .ci/run}
 * installs both). Without them a browser test is skipped with a visible message on a
 * laptop, and fails under CI=true.
 */
public final class BrowserTest {

	static final Path CHROMIUM = Path.of(env("ARMSTRACE_TEST_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(env("ARMSTRACE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private BrowserTest() {
	}

	public static WebDriver start() {
		if (!available()) {
			throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian packages chromium, chromium-driver) and CI=true: they must run");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024", "--lang=en",
				"--user-data-dir=" + ScratchFiles.folder("armstrace-chromium-"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return driver;
	}

	/**
	 * Signs in, with the code of the user's second factor when the tests enrolled one,
	 * and waits until the browser has left the sign-in pages, so the next step acts as
	 * that user.
	 */
	public static void signIn(WebDriver browser, String origin, String username) {
		browser.get(origin + "/sign-in");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		clickAndWait(browser, By.id("sign-in"));
		if (TestUsers.enrolled(username)) {
			browser.findElement(By.id("code")).sendKeys(TestUsers.code(username));
			browser.findElement(By.id("verify")).click();
		}
		waitUpTo(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
	}

	/** Clicks and waits for the page the click leads to. */
	public static void clickAndWait(WebDriver browser, By target) {
		WebElement old = browser.findElement(By.tagName("html"));
		browser.findElement(target).click();
		waitUpTo(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(old));
	}

	/**
	 * Waits up to {@code timeout}, looking every 50 ms rather than Selenium's 500: a page
	 * served from this machine is there well within the half second.
	 */
	public static WebDriverWait waitUpTo(WebDriver browser, Duration timeout) {
		return new WebDriverWait(browser, timeout, Duration.ofMillis(50));
	}

	/**
	 * An accessibility check (axe) of every rule that reports only the violations in
	 * full: the passes, the inapplicable and the incomplete, which no test reads, are not
	 * collected with a selector for each element, which is most of axe's work on a page.
	 */
	public static AxeBuilder axe() {
		AxeRunOptions options = new AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		// our pages hold no frames: axe runs in the page itself (legacy mode), instead of
		// opening a blank window to combine every frame's results, which took most of
		// each check's time
		return new AxeBuilder().withOptions(options).setLegacyMode(true).disableIframeTesting();
	}

	/** Saves what the browser shows as target/screenshots/{name}.png. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), folder.resolve(name + "-" + TestDatabase.name() + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static boolean available() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Skips browser tests, loudly, where no browser is installed; never under CI=true.
	 */
	public static class Availability implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (available() || "true".equalsIgnoreCase(System.getenv("CI"))) {
				return ConditionEvaluationResult.enabled("browser available or required");
			}
			String reason = "no " + CHROMIUM + " / " + CHROMEDRIVER + ": browser tests SKIPPED (install Debian's "
					+ "chromium and chromium-driver; under CI=true they run and must pass)";
			System.err.println("\n*** " + reason + " ***\n");
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
