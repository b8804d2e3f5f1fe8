"""In a real browser the desk board's poll sends the last ETag (static/js/pojok.js): an unchanged board
comes back 304 and the page is left as it is; a new guest comes back 200 and shows."""

import pytest
from selenium.webdriver.common.by import By

from pojok import clock
from tests.factories import make_visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POLL_STATUSES = """return performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf('/meja-depan/papan/') >= 0; })
  .map(function (e) { return e.responseStatus; });"""


def test_the_board_poll_is_a_304_until_a_guest_arrives(page, petugas):
    first = make_visit(petugas, at=clock.now(), guest_name="Tamu Pertama")
    page.login("budi")
    page.wait_for(By.CSS_SELECTOR, f"#visit-{first.pk}")
    # two polls (every 5 s): the first answer carries an ETag, the second is sent with it
    page._wait(20).until(lambda driver: len(driver.execute_script(POLL_STATUSES)) >= 2)
    page.driver.execute_script(f"document.getElementById('visit-{first.pk}').dataset.kept = 'yes';")
    marked = len(page.driver.execute_script(POLL_STATUSES))
    page._wait(20).until(lambda driver: 304 in driver.execute_script(POLL_STATUSES)[marked:])
    kept = page.driver.find_element(By.CSS_SELECTOR, f"#visit-{first.pk}").get_attribute("data-kept")
    assert kept == "yes"  # a 304 swapped nothing

    make_visit(petugas, at=clock.now(), guest_name="Tamu Kedua")
    page.wait_for_text(By.CSS_SELECTOR, "#board", "Tamu Kedua", timeout=20)
    assert page.driver.find_element(By.CSS_SELECTOR, f"#visit-{first.pk}").get_attribute("data-kept") is None
