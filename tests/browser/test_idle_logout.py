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


def test_typing_counts_as_activity_so_a_slowly_typed_form_is_saved(page, people, settings):
    import time

    from visits.models import Visit

    settings.SESSION_IDLE_SECONDS = 6
    page.login("budi")
    page.open(reverse("visits:check_in"))
    page.wait_for(By.NAME, "keperluan")
    time.sleep(4)
    page.fill("keperluan", "Konsultasi SPJ")  # the page tells the server the person is still here
    time.sleep(4)  # 8 s since the page was opened: past the idle time, unless typing counted
    # (the name field would look up returning guests, itself a request: it is typed last)
    page.fill("origin", "Dinas Sosial")
    page.fill("guest_name", "Rahmat Hidayat")
    page.click("#check-in-form button[type=submit]")
    page.wait_for_text(By.ID, "messages", "Rahmat Hidayat tercatat")
    assert Visit.objects.get().guest_name == "Rahmat Hidayat"
