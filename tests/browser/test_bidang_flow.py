"""The Bidang's staff receive a routed guest, record and close the consultation; the desk sees them out.
A guest routed while the inbox is open shows up highlighted, with a badge, without reloading."""

from datetime import timedelta

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pojok import clock, roles
from tests.factories import bidang, make_user, make_visit
from visits.models import State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _routed(people, guest_name):
    at = clock.now() - timedelta(minutes=3)
    visit = make_visit(
        people["petugas"],
        at=at,
        guest_name=guest_name,
        origin="Dinas Sosial",
        keperluan="Pergeseran anggaran DPA",
    )
    visit.advance("greet", by=people["petugas"], at=at + timedelta(seconds=10))
    visit.advance("report", by=people["petugas"], at=at + timedelta(seconds=20))
    visit.advance("route", by=people["kasubbag"], at=at + timedelta(seconds=30), bidang=bidang("anggaran"))
    return visit


def _click(page, css):
    element = page.driver.find_element(By.CSS_SELECTOR, css)
    page.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def test_staff_receive_record_and_close_then_the_desk_sees_the_guest_out(page, people):
    kabid = make_user("wati", roles.STAF, bidang_code="anggaran", full_name="Wati Kusuma", jabatan="kabid")
    visit = _routed(people, "Rahmat Hidayat")
    row = f"#visit-{visit.pk}"

    page.login("ani")
    assert "/bidang/" in page.driver.current_url
    page.wait_for_text(By.CSS_SELECTOR, f"#inbox-waiting {row}", "Rahmat Hidayat")
    Select(page.driver.find_element(By.CSS_SELECTOR, f"{row} select[name=official]")).select_by_visible_text(
        "Wati Kusuma (Kepala Bidang)"
    )
    page.click(f"{row} button[data-move=receive]")

    page.wait_for(By.ID, "consultation-form")
    assert visit.steps.get(number=5).received_by == kabid
    _click(page, "#mode-prescription")
    page.fill("problem", "Pergeseran antar objek belanja")
    _click(page, "[data-save-draft]")
    page.wait_for_text(By.ID, "messages", "Draf catatan konsultasi tersimpan")

    _click(page, "[data-finish]")  # no outcome yet: refused
    page.wait_for_text(By.ID, "consultation-form", "Isi jawaban atau hasil konsultasi sebelum menutup.")
    assert (
        page.driver.find_element(By.NAME, "problem").get_attribute("value")
        == "Pergeseran antar objek belanja"
    )
    assert page.driver.find_element(By.ID, "mode-prescription").is_selected()

    page.fill("outcome", "Ajukan pergeseran lewat SIPD dengan nota dinas.")
    _click(page, "[data-finish]")
    page.wait_for_text(By.CSS_SELECTOR, f"#inbox-finished {row}", "Rahmat Hidayat")
    visit.refresh_from_db()
    assert visit.state == State.LEAVING

    page.driver.delete_all_cookies()
    page.login("budi")
    page.wait_for_text(By.CSS_SELECTOR, f"{row} .step-label", "menunggu diantar keluar")
    page.click(f"{row} button[data-move=see_out]")
    page.wait_for_text(By.ID, "messages", "Antar keluar")
    visit.refresh_from_db()
    assert visit.state == State.DONE


def test_a_new_guest_is_highlighted_and_counted_without_reloading(page, people):
    first = _routed(people, "Sudah Ada")
    page.login("ani")
    page.wait_for(By.CSS_SELECTOR, f"#visit-{first.pk}")
    assert page.driver.find_element(By.ID, "inbox-badge").text == "1"

    newcomer = _routed(people, "Tamu Baru Datang")

    row = page.wait_for(By.CSS_SELECTOR, f"#visit-{newcomer.pk}.inbox-new", timeout=20)
    assert "Tamu Baru Datang" in row.text
    assert "inbox-new" not in page.driver.find_element(By.ID, f"visit-{first.pk}").get_attribute("class")
    page.wait_for_text(By.CSS_SELECTOR, "[data-new-count]", "1 baru")
    page.wait_for_text(By.ID, "inbox-badge", "2")
    assert page.driver.title.startswith("(1) Tamu baru")
