"""A desk PC left on the self-refreshing board is logged out after the idle time, in a real browser.

The board polls every 5 seconds; if those refreshes counted as activity the session would never end.
"""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_polling_board_goes_to_the_login_page_when_the_session_ends(page, people, settings):
    settings.SESSION_IDLE_SECONDS = 7
    page.login("budi")
    page.open(reverse("visits:desk"))
    page.wait_for(By.ID, "board")
    expected = "Sesi Anda berakhir karena tidak ada aktivitas"
    message = page.wait_for_text(By.ID, "messages", expected, timeout=30)
    assert page.driver.current_url.endswith(reverse("login") + "?next=%2Fmeja-depan%2F")
    assert page.driver.find_elements(By.NAME, "username")
    assert page.driver.find_elements(By.CSS_SELECTOR, "#board") == []  # a whole page, not a swapped table
    assert "Silakan masuk lagi" in message.text
