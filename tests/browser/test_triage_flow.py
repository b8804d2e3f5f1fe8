"""The Kasubbag routes a reported guest with the live suggestion; the Bidang's staff then see the guest."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from routing.catalog import ensure_topics
from routing.models import Bidang, Topic
from visits.models import RoutingDecision, State, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def topics(catalog, transactional_db):
    ensure_topics(Topic, Bidang)  # a transactional test flushed what the migration seeded


@pytest.fixture
def reported(petugas):
    visit = Visit.check_in(by=petugas, guest_name="Rahmat Hidayat", origin="Kecamatan Natar",
                           keperluan="mau konsultasi")
    visit.advance("greet", by=petugas)
    visit.advance("report", by=petugas)
    return visit


def open_route_page(page, visit):
    page.login("sri")
    assert "/triase/" in page.driver.current_url
    page.wait_for_text(By.CSS_SELECTOR, f"#visit-{visit.pk}", "Rahmat Hidayat")
    page.click(f"#visit-{visit.pk} a[data-route-link]")
    return page.wait_for_text(By.ID, "suggestions", "tidak ada kata kunci yang cocok")


def test_the_kasubbag_routes_a_reported_guest_and_the_bidang_sees_them(page, kasubbag, staf, reported):
    anggaran = Bidang.objects.get(code="anggaran")
    open_route_page(page, reported)
    assert Select(page.driver.find_element(By.NAME, "bidang")).first_selected_option.text == "Sekretariat"

    page.fill("keperluan", "Revisi DPA belanja modal")  # what the guest tells the Kasubbag
    page.wait_for_text(By.ID, "suggestions", "Bidang Anggaran")
    assert "\u201cRevisi DPA\u201d" in page.driver.find_element(By.ID, "suggestions").text  # the reason
    bidang_select = Select(page.driver.find_element(By.NAME, "bidang"))
    WebDriverWait(page.driver, 5).until(lambda d: bidang_select.first_selected_option.text == "Bidang Anggaran")
    assert Select(page.driver.find_element(By.NAME, "topic")).first_selected_option.text == "Pergeseran anggaran"
    assert not page.driver.find_element(By.CSS_SELECTOR, "[data-override-box]").is_displayed()
    Select(page.driver.find_element(By.NAME, "assigned_to")).select_by_value(str(staf.pk))
    page.click("#route-form button[type=submit]")

    page.wait_for_text(By.ID, "messages", "diarahkan ke Bidang Anggaran")
    reported.refresh_from_db()
    assert (reported.state, reported.bidang, reported.assigned_to) == (State.WAITING, anggaran, staf)
    assert reported.keperluan == "Revisi DPA belanja modal"
    assert RoutingDecision.objects.get().followed_suggestion

    page.click("form[action='/akun/keluar/'] button")
    page.login("ani")
    assert "/bidang/" in page.driver.current_url
    page.wait_for_text(By.ID, "inbox", "Rahmat Hidayat")


def test_choosing_another_bidang_asks_for_a_reason(page, kasubbag, reported):
    open_route_page(page, reported)
    reason_box = page.driver.find_element(By.CSS_SELECTOR, "[data-override-box]")
    assert not reason_box.is_displayed()
    Select(page.driver.find_element(By.NAME, "bidang")).select_by_visible_text("Bidang Aset")
    assert reason_box.is_displayed()
    page.click("#route-form button[type=submit]")

    page.wait_for_text(By.ID, "route-form", "berbeda dari usulan (Sekretariat): tuliskan alasan singkat")
    assert Visit.objects.get().state == State.TRIAGE
    page.fill("override_reason", "penghapusan kendaraan dinas")
    page.click("#route-form button[type=submit]")
    page.wait_for_text(By.ID, "messages", "diarahkan ke Bidang Aset")
    assert RoutingDecision.objects.get().override_reason == "penghapusan kendaraan dinas"
