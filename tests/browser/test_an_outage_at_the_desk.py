"""The database goes away while the petugas saves a check-in: the browser shows the app's 503 page with
what was typed, and "Kirim lagi" saves it once the database is back, once.

The outage is switched on where Django talks to the database, on every connection the live server
opens (an execute wrapper raising what psycopg raises when the server is gone); the same is done to a
real PostgreSQL server behind gunicorn in tests/pojok/test_an_outage_under_gunicorn_postgres.py.
"""

import pytest
from django.db import OperationalError, connection
from django.db.backends.signals import connection_created
from selenium.webdriver.common.by import By

from visits.models import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Outage:
    on = False

    def __call__(self, execute, sql, params, many, context):
        if self.on:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@pytest.fixture
def outage():
    """The switch, on every connection the live server opens from now on (and on this thread's)."""
    switch = Outage()

    def wrap(sender, connection, **kwargs):
        connection.execute_wrappers.append(switch)

    connection_created.connect(wrap, dispatch_uid="browser_outage")
    # An in-memory SQLite database is one connection, shared with the live server and never closed
    # between tests, so the signal above would not see it: it is wrapped here directly.
    connection.execute_wrappers.append(switch)
    yield switch
    connection_created.disconnect(dispatch_uid="browser_outage")
    while switch in connection.execute_wrappers:
        connection.execute_wrappers.remove(switch)


def test_a_check_in_sent_during_an_outage_is_kept_and_sent_again(page, petugas, outage, settings, tmp_path):
    settings.OUTAGE_STATE_FILE = str(tmp_path / "outage")
    page.login("budi")
    page.open("/meja-depan/tamu-baru/")
    page.fill("guest_name", "Rahmat Hidayat")
    page.fill("origin", "Kecamatan Natar")
    page.fill("keperluan", "Konsultasi SPJ dana desa tahap dua")
    outage.on = True
    page.click("#check-in-form button[type=submit]")
    message = page.wait_for(By.CSS_SELECTOR, "[data-error-page='503'] h1")
    assert message.text == "Data belum tersimpan, silakan coba lagi"
    typed = [dd.text for dd in page.driver.find_elements(By.CSS_SELECTOR, "[data-typed]")]
    assert {"Rahmat Hidayat", "Kecamatan Natar", "Konsultasi SPJ dana desa tahap dua"} <= set(typed)

    outage.on = False
    page.click("form[data-resend] button[type=submit]")
    slip = page.wait_for(By.CSS_SELECTOR, ".visitor-slip")
    assert "Rahmat Hidayat" in slip.text
    page.driver.back()  # the browser's back button, and the 503 page's form sent once more
    page.wait_for(By.CSS_SELECTOR, "form[data-resend] button[type=submit]").click()
    page.wait_for(By.CSS_SELECTOR, ".visitor-slip")
    assert list(Visit.objects.values_list("guest_name", flat=True)) == ["Rahmat Hidayat"]
