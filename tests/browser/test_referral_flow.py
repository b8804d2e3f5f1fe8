"""The Kasubbag refers a guest whose need is Bappeda's from the routing page; Bappeda's front desk finds
them among its expected guests and receives the referral."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from offices.current import acting_for
from pojok import roles
from referrals.models import Referral
from tests.factories import make_user
from visits.models import State, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reported(petugas):
    visit = Visit.check_in(by=petugas, guest_name="Rahmat Hidayat", origin="Kecamatan Natar",
                           keperluan="Penyelarasan program dengan RKPD", phone="0812-3456-7890")
    visit.advance("greet", by=petugas)
    visit.advance("report", by=petugas)
    return visit


def test_a_guest_referred_from_triage_is_received_by_the_other_office(page, kasubbag, other_office, reported):
    with acting_for(other_office):
        make_user("tono", roles.PETUGAS, full_name="Tono Saputra")
    page.login("sri")
    page.open(f"/triase/{reported.pk}/")
    page.click("a[data-refer]")
    page.wait_for(By.CSS_SELECTOR, "form[data-referral-form]")
    Select(page.driver.find_element(By.NAME, "to_office")).select_by_visible_text("Bappeda")
    page.fill("reason", "Penyelarasan program adalah kewenangan Bappeda.")
    page.click("input[name=consent]")
    page.click("form[data-referral-form] button[type=submit]")

    page.wait_for_text(By.ID, "messages", "dirujuk ke Bappeda")
    referral = Referral.objects.select_related("booking").get()
    assert page.driver.find_element(By.CSS_SELECTOR, "[data-code]").text == referral.booking.display_code
    assert "Jl. Indra Bangsawan" in page.driver.find_element(By.CSS_SELECTOR, "[data-destination]").text
    reported.refresh_from_db()
    assert reported.state == State.LEAVING

    page.click("form[action='/akun/keluar/'] button")
    page.login("tono")
    page.open("/meja/terjadwal/")
    row = page.wait_for_text(By.CSS_SELECTOR, f"[data-booking='{referral.booking.display_code}']", "Rahmat Hidayat")
    assert "Rujukan dari BPKAD" in row.text
    page.open("/rujukan/")
    page.click(f"[data-referral='{referral.pk}'] a")
    page.click("button[data-receive]")
    page.wait_for_text(By.ID, "messages", "Rujukan dari BPKAD diterima")
    referral.refresh_from_db()
    assert referral.received_at is not None
