"""Headless Chromium (Debian's chromium and chromedriver) driving the app on a live server.

Without the browser these tests are skipped, unless POJOK_REQUIRE_BROWSER=1 (CI), which fails them.
"""

import os
import shutil
import tempfile

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")


def _missing_browser() -> str:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(path)]
    return ", ".join(missing)


@pytest.fixture
def browser():
    missing = _missing_browser()
    if missing:
        message = f"browser not installed ({missing}); apt-get install chromium chromium-driver"
        if os.environ.get("POJOK_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    profile = tempfile.mkdtemp(prefix="pojok-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900",
                 "--lang=id"]:
        options.add_argument(flag)
    # The console log, where test_content_security_policy.py looks for CSP violations.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


class Page:
    """A small vocabulary for the tests: open, log in, wait for text."""

    def __init__(self, driver, base_url):
        self.driver, self.base_url = driver, base_url

    def open(self, path):
        self.driver.get(self.base_url + path)

    def login(self, username, password=PASSWORD):
        self.open("/akun/masuk/")
        self.driver.find_element(By.NAME, "username").send_keys(username)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait_for(By.CSS_SELECTOR, "nav .navbar-text")

    def _wait(self, timeout):
        # While a page navigates or htmx swaps a partial, Chromium may answer "node does not belong
        # to the document": keep polling until the timeout instead of failing on that instant.
        return WebDriverWait(self.driver, timeout, ignored_exceptions=(WebDriverException,))

    def wait_for(self, by, selector, timeout=10):
        return self._wait(timeout).until(EC.presence_of_element_located((by, selector)))

    def wait_for_text(self, by, selector, text, timeout=15):
        self._wait(timeout).until(EC.text_to_be_present_in_element((by, selector), text))
        return self.driver.find_element(by, selector)

    def click(self, selector):
        """Click an element after scrolling it to the middle of the window (a longer form puts its
        button under the bottom edge, where Chromium says another element would receive the click)."""
        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        element.click()

    def fill(self, name, value):
        field = self.driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


@pytest.fixture
def page(browser, live_server):
    return Page(browser, live_server.url)
