"""The petugas checks a guest in, greets and reports them; the board follows, also for moves made elsewhere."""

import pytest
from selenium.webdriver.common.by import By

from visits.models import State, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_petugas_checks_in_greets_and_reports_a_guest(page, petugas):
    page.login("budi")
    assert "/meja-depan/" in page.driver.current_url

    page.driver.find_element(By.LINK_TEXT, "+ Tamu baru").click()
    page.fill("guest_name", "Rahmat Hidayat")
    page.fill("origin", "Kecamatan Natar")
    page.fill("phone", "0812-3456-7890")
    page.fill("keperluan", "Konsultasi SPJ dana desa")
    page.click("#check-in-form button[type=submit]")

    slip = page.wait_for(By.CSS_SELECTOR, ".visitor-slip")
    assert "A-001" in slip.text and "Rahmat Hidayat" in slip.text and "Kecamatan Natar" in slip.text
    visit = Visit.objects.get()
    assert visit.phone == "+6281234567890"

    page.driver.find_element(By.LINK_TEXT, "Ke papan tamu").click()
    row = f"#visit-{visit.pk}"
    page.wait_for_text(By.CSS_SELECTOR, f"{row} .step-label", "Menunggu disambut")
    page.click(f"{row} button[data-move=greet]")
    page.wait_for_text(By.CSS_SELECTOR, f"{row} .step-label", "Menunggu dilaporkan")
    page.click(f"{row} button[data-move=report]")
    page.wait_for_text(By.CSS_SELECTOR, f"{row} .step-label", "Menunggu diarahkan")

    visit.refresh_from_db()
    assert visit.state == State.TRIAGE
    assert list(visit.events.values_list("action", flat=True)) == ["check_in", "arrive", "greet", "report"]


def test_board_shows_a_move_made_on_another_pc_without_reloading(page, petugas, kasubbag):
    from tests.factories import bidang
    visit = Visit.check_in(by=petugas, guest_name="Dewi Lestari", origin="Dinas Sosial", keperluan="Revisi DPA")
    visit.advance("greet", by=petugas)
    page.login("budi")
    row = f"#visit-{visit.pk}"
    page.wait_for_text(By.CSS_SELECTOR, f"{row} .step-label", "Menunggu dilaporkan")
    timer = page.driver.find_element(By.CSS_SELECTOR, f"{row} .timer").text

    visit.advance("report", by=petugas)  # the other front-desk PC
    visit.advance("route", by=kasubbag, bidang=bidang("anggaran"))

    page.wait_for_text(By.CSS_SELECTOR, f"{row} .step-label", "Menunggu diterima Bidang", timeout=20)
    assert page.driver.find_element(By.CSS_SELECTOR, f"{row} .step-label").text.startswith("5.")
    assert timer  # the timer was rendered and ticking before the refresh
