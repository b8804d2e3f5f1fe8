"""A guest registers on the public page, then at the door the petugas scans the code: the visit starts."""

import time

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from booking.models import Booking
from tests.booking.conftest import next_office_day
from visits.models import State, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pre_register_then_check_in_by_code(page, people, settings, topics):
    page.open(reverse("booking:register", args=["bpkad"]))
    opened = time.monotonic()
    page.fill("guest_name", "Rudi Hartono")
    page.fill("origin", "Dinas Pendidikan")
    page.fill("phone", "0812 3456 7890")
    page.fill("keperluan", "Konsultasi pergeseran anggaran DPA")
    date_field = page.driver.find_element(By.NAME, "planned_date")
    page.driver.execute_script("arguments[0].value = arguments[1]", date_field, next_office_day().isoformat())
    _click(page, "input[name=part_of_day][value=pagi]")
    # The form turns away what is sent faster than a person could type it: take a person's time.
    time.sleep(max(0, settings.BOOKING_MIN_SECONDS + 0.5 - (time.monotonic() - opened)))
    _click(page, "#booking-form button[type=submit]")
    code = page.wait_for(By.CSS_SELECTOR, "[data-booking-code]").text
    assert page.driver.find_element(By.CSS_SELECTOR, "[data-booking-bidang]").text == "Bidang Anggaran"
    assert page.driver.find_elements(By.CSS_SELECTOR, ".booking-qr-box svg")
    booking = Booking.objects.get()
    assert code == booking.display_code
    Booking.objects.update(planned_date=booking.created_on)  # the planned day has come

    page.login("budi")
    page.open(reverse("visits:desk"))
    box = page.wait_for(By.ID, "booking-code")
    box.send_keys(code.lower().replace("-", " ") + "\n")  # a USB scanner types the code and Enter
    page.wait_for_text(By.CSS_SELECTOR, ".alert", "Rudi Hartono (terdaftar) tercatat dengan nomor antrean")
    visit = Visit.objects.get()
    assert visit.keperluan == "Konsultasi pergeseran anggaran DPA" and visit.state == State.GREETING
    page.open(reverse("visits:desk"))
    row = page.wait_for_text(By.CSS_SELECTOR, f"#visit-{visit.pk}", "Rudi Hartono")
    assert visit.queue_number in row.text
    page.open(reverse("booking:expected"))
    page.wait_for_text(By.CSS_SELECTOR, "[data-expected]", f"Datang · {visit.queue_number}")


def _click(page, selector):
    element = page.driver.find_element(By.CSS_SELECTOR, selector)
    # Bootstrap scrolls smoothly: jump at once, or the click lands while the page is still moving.
    page.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()
