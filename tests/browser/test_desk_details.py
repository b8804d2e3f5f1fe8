"""Small things at the desk a petugas trips over: the returning-guest list, the cancel reason."""

from datetime import timedelta

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pojok import clock
from tests.factories import make_visit
from visits.models import State, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IN_WINDOW = """
const r = arguments[0].getBoundingClientRect();
return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
"""


def viewport(page, width, height):
    """Make the page itself width x height (the window's frame, however thin, comes on top)."""
    page.driver.set_window_size(width, height)
    frame = page.driver.execute_script("return [outerWidth - innerWidth, outerHeight - innerHeight]")
    page.driver.set_window_size(width + frame[0], height + frame[1])


def test_the_open_returning_guest_list_leaves_simpan_on_a_1366x768_screen(page, petugas):
    opds = ["Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Lampung Selatan", "Dinas Sosial",
            "Dinas Pendidikan dan Kebudayaan", "Kecamatan Natar", "Inspektorat Daerah"]
    for index, opd in enumerate(opds):
        make_visit(petugas, at=clock.now() - timedelta(days=10 - index), guest_name="Yuni Rahayu", origin=opd,
                   phone=f"08123456{index}678")
    page.login("budi")
    viewport(page, 1366, 768)
    page.open(reverse("visits:check_in"))
    page.wait_for(By.NAME, "guest_name").send_keys("Yuni")
    page.wait_for(By.CSS_SELECTOR, "[data-returning-guest]")
    WebDriverWait(page.driver, 5).until(
        lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "[data-returning-guest]")) == 5)
    first = page.driver.find_element(By.CSS_SELECTOR, "[data-returning-guest]")
    assert "Yuni Rahayu · Inspektorat Daerah" in first.text and "0812••••4678" in first.text
    assert "Terakhir datang" in first.text

    page.driver.execute_script("window.scrollTo(0, 0)")
    page.driver.save_screenshot("/tmp/shots/check-in-returning-1366.png")
    save = page.driver.find_element(By.CSS_SELECTOR, "#check-in-form button[type=submit]")
    assert page.driver.execute_script(IN_WINDOW, save), "Simpan is below the fold with the list open"

    page.driver.find_elements(By.CSS_SELECTOR, "[data-returning-guest]")[-1].click()
    assert page.driver.find_element(By.NAME, "origin").get_attribute("value") == opds[0]


def test_the_cancel_reason_is_counted_and_refused_in_indonesian(page, petugas):
    visit = make_visit(petugas, at=clock.now(), guest_name="Siti Aminah")
    page.login("budi")
    page.open(reverse("visits:desk"))
    page.click(f"#visit-{visit.pk} a.btn-outline-danger")  # the board's "Batalkan…"
    field = page.wait_for(By.ID, "cancel-note")
    assert page.driver.find_element(By.ID, "cancel").get_attribute("open") is not None  # opened by the link
    assert field.is_displayed()
    label = page.driver.find_element(By.CSS_SELECTOR, "label[for=cancel-note]").text
    assert label == "Alasan pembatalan"

    page.click("#cancel button[type=submit]")  # empty: the browser refuses it, in Indonesian
    assert field.get_property("validationMessage") == "Tuliskan alasannya dahulu."
    assert Visit.objects.get(pk=visit.pk).state == State.GREETING

    pasted = "Tamu harus kembali ke kantor karena ada rapat mendadak dengan kepala dinas. " * 8  # over 600 characters
    page.driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
        field, pasted)
    assert len(field.get_property("value")) == len(pasted)  # nothing cut
    assert page.driver.find_element(By.ID, "cancel-note-count").text == f"{len(pasted)}/500 karakter"
    assert field.get_property("validationMessage") == "Alasan terlalu panjang: paling banyak 500 karakter."
    page.click("#cancel button[type=submit]")
    assert Visit.objects.get(pk=visit.pk).state == State.GREETING

    field.clear()
    field.send_keys("Tamu pulang sebelum dilayani")
    assert page.driver.find_element(By.ID, "cancel-note-count").text == "28/500 karakter"
    page.click("#cancel button[type=submit]")
    page.wait_for_text(By.CSS_SELECTOR, ".alert", "Batalkan")
    assert Visit.objects.get(pk=visit.pk).state == State.CANCELLED
