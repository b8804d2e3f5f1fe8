"""The lobby display: paired once on the TV, it shows a Bidang's "panggil" within seconds, highlighted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from lobby.models import Device
from visits.models import State, Visit
from tests.factories import bidang, make_visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _routed(people):
    at = timezone.now() - timedelta(minutes=3)
    visit = make_visit(people["petugas"], at=at, guest_name="Rahmat Hidayat", phone="081298765432")
    visit.advance("greet", by=people["petugas"], at=at + timedelta(seconds=10))
    visit.advance("report", by=people["petugas"], at=at + timedelta(seconds=20))
    visit.advance("route", by=people["kasubbag"], at=at + timedelta(seconds=30), bidang=bidang("anggaran"))
    return visit


def test_a_staff_panggil_shows_highlighted_on_the_display(page, people, admin_user):
    visit = _routed(people)
    device = Device.objects.create(name="TV ruang tunggu", kind=Device.Kind.DISPLAY)
    token = device.new_pairing_token(by=admin_user)

    page.login("ani")
    page.open(reverse("lobby:pair", args=[token]))
    page.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    page.wait_for(By.CSS_SELECTOR, "[data-lobby-board]")
    assert page.driver.find_elements(By.CSS_SELECTOR, ".lobby-call") == []
    page.driver.find_element(By.CSS_SELECTOR, "[data-sound-toggle]").click()
    assert page.driver.execute_script("return localStorage.getItem('lobby.sound')") == "off"
    display_tab = page.driver.current_window_handle

    page.driver.switch_to.new_window("tab")
    page.open(reverse("visits:inbox"))
    page.wait_for(By.CSS_SELECTOR, f"#visit-{visit.pk} [data-lobby-call]").click()
    page.wait_for_text(By.CSS_SELECTOR, ".alert", f"Nomor {visit.queue_number} dipanggil")

    page.driver.switch_to.window(display_tab)
    call = page.wait_for_text(By.CSS_SELECTOR, ".lobby-call", visit.queue_number)
    assert "Bidang Anggaran, Ruang Bidang Anggaran" in call.text
    assert "lobby-flash" in call.get_attribute("class")  # the new call is flashed, not just listed
    assert call.get_attribute("data-call-sentence").startswith("Nomor antrian A ")
    called = page.driver.find_element(By.CSS_SELECTOR, "[data-waiting] .lobby-called")
    assert visit.queue_number in called.text
    assert "Rahmat" not in page.driver.page_source and "081298765432" not in page.driver.page_source
    assert page.driver.find_element(By.CSS_SELECTOR, "[data-sound-toggle]").text == "Suara: mati"


def test_the_display_says_when_the_server_fails_and_recovers_by_itself(page, people, admin_user):
    visit = _routed(people)
    device = Device.objects.create(name="TV ruang tunggu", kind=Device.Kind.DISPLAY)
    page.open(reverse("lobby:pair", args=[device.new_pairing_token(by=admin_user)]))
    page.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    page.wait_for_text(By.CSS_SELECTOR, "[data-waiting]", visit.queue_number)
    status = page.driver.find_element(By.CSS_SELECTOR, "[data-lobby-status]")
    assert not status.is_displayed()

    Device.objects.filter(pk=device.pk).update(active=False)  # the polls now fail (403)
    WebDriverWait(page.driver, 10).until(lambda driver: status.is_displayed())

    Device.objects.filter(pk=device.pk).update(active=True)
    visit.advance("receive", by=people["staf"])
    page.wait_for_text(By.CSS_SELECTOR, "[data-serving]", visit.queue_number)
    assert not status.is_displayed()


def test_a_guest_checks_in_at_the_kiosk_and_the_petugas_confirms_the_arrival(page, people, admin_user):
    device = Device.objects.create(name="Tablet pintu", kind=Device.Kind.KIOSK)
    page.login("budi")
    page.open(reverse("lobby:pair", args=[device.new_pairing_token(by=admin_user)]))
    page.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    page.wait_for(By.CSS_SELECTOR, "[data-kiosk-form]")
    page.fill("guest_name", "Rahmat Hidayat")
    page.fill("origin", "Dinas Sosial")
    page.fill("keperluan", "Konsultasi SPJ hibah")
    page.driver.find_element(By.CSS_SELECTOR, "[data-kiosk-submit]").click()
    number = page.wait_for(By.CSS_SELECTOR, "[data-kiosk-number]").text
    assert Visit.objects.count() == 1

    visit = Visit.objects.get()
    page.open(reverse("visits:desk"))
    row = page.wait_for_text(By.CSS_SELECTOR, f"#visit-{visit.pk}", "Rahmat Hidayat")
    assert number in row.text and "Tamu datang" in row.text
    row.find_element(By.CSS_SELECTOR, '[data-move="arrive"]').click()
    page.wait_for_text(By.CSS_SELECTOR, f"#visit-{visit.pk}", "Menunggu disambut")
    visit.refresh_from_db()
    assert visit.state == State.GREETING
