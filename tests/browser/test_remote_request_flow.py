"""The piket takes a phone call, records it and routes it to a Bidang whose only official works from
home; the official answers remotely by WhatsApp and closes it. The WhatsApp links carry the right
number and, decoded, the right text."""

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pojok import clock, roles
from presence.models import Presence, Status
from routing.catalog import ensure_topics
from routing.models import Bidang, Topic
from tests.factories import make_user
from visits.models import Piket, State, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def topics(catalog, transactional_db):
    ensure_topics(Topic, Bidang)


def _click(page, css):
    element = page.driver.find_element(By.CSS_SELECTOR, css)
    page.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _wa(page, css) -> tuple[str, str]:
    url = urlsplit(page.driver.find_element(By.CSS_SELECTOR, css).get_attribute("href"))
    assert (url.scheme, url.netloc) == ("https", "wa.me")
    return url.path.strip("/"), parse_qs(url.query)["text"][0]


def test_a_phone_request_to_a_bidang_working_from_home(page, kasubbag):
    piket = make_user("wawan", roles.PETUGAS, full_name="Wawan Piket")
    Piket.objects.create(user=piket, day=clock.today(), assigned_by=kasubbag)
    ani = make_user("ani", roles.STAF, bidang_code="anggaran", full_name="Ani Lestari", jabatan="kabid",
                    whatsapp="6281377778888")
    Presence.objects.create(day=clock.today(), user=ani, status=Status.WFH, set_by=kasubbag, set_at=clock.now())

    page.login("wawan")
    page.open("/triase/")
    _click(page, "#remote-new")
    page.wait_for(By.ID, "remote-form")
    _click(page, "#id_channel_0")  # Telepon
    page.fill("guest_name", "Pak Joko")
    page.fill("origin", "Dinas Sosial")
    page.fill("phone", "0812-3456-7890")
    page.fill("keperluan", "Revisi DPA belanja modal")
    _click(page, "#remote-form button[type=submit]")

    page.wait_for(By.ID, "route-form")
    page.wait_for_text(By.CSS_SELECTOR, "[data-officials-of]:not([hidden])",
                       "Tidak ada staf Bidang Anggaran di kantor")
    visit = Visit.objects.get()
    assert (visit.channel, visit.state, visit.phone) == ("telepon", State.TRIAGE, "+6281234567890")
    number, text = _wa(page, "[data-officials-of]:not([hidden]) [data-official=ani] a[data-wa]")
    assert number == "6281377778888"
    assert text == ("Yth. Bapak/Ibu Ani Lestari (Bidang Anggaran), ada permintaan konsultasi melalui Telepon dari "
                    "Pak Joko (Dinas Sosial), kontak +6281234567890, nomor A-001, perihal: Revisi DPA belanja modal. "
                    "Mohon dapat ditanggapi. Terima kasih.")
    assert Select(page.driver.find_element(By.NAME, "bidang")).first_selected_option.text == "Bidang Anggaran"
    Select(page.driver.find_element(By.NAME, "assigned_to")).select_by_value(str(ani.pk))
    _click(page, "#route-form button[type=submit]")
    page.wait_for_text(By.ID, "messages", "diarahkan ke Bidang Anggaran")

    _click(page, "form[action='/akun/keluar/'] button")
    page.login("ani")
    page.wait_for_text(By.ID, "inbox", "Pak Joko")
    assert page.driver.find_element(By.CSS_SELECTOR, "[data-colleague=ani]").get_attribute("data-status") == "wfh"
    _click(page, f"#visit-{visit.pk} button[data-move=receive]")  # "Tangani": on to the consultation page
    page.wait_for(By.ID, "consultation-form")
    number, text = _wa(page, "a[data-wa=contact]")
    assert number == "6281234567890"
    assert text.startswith("Yth. Bapak/Ibu Pak Joko (Dinas Sosial), kami dari Bidang Anggaran Badan Pengelola "
                           "Keuangan dan Aset Daerah Kabupaten Lampung Selatan menanggapi permintaan konsultasi "
                           "Anda (nomor A-001)")
    _click(page, "#mode-prescription")
    page.fill("problem", "Revisi DPA belanja modal")
    page.fill("outcome", "Dijelaskan lewat WhatsApp: ajukan pergeseran melalui SIPD")
    _click(page, "button[data-finish]")
    page.wait_for_text(By.ID, "messages", "konsultasi telepon ditutup")

    visit.refresh_from_db()
    assert visit.state == State.DONE
    assert list(visit.steps.values_list("number", "result")) == [(4, "selesai"), (5, "selesai")]
    assert visit.steps.get(number=5).received_by == ani
