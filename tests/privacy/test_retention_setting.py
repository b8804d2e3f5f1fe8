"""The retention period is one admin-edited row, with a sensible minimum."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from privacy.models import MIN_RETENTION_DAYS, PrivacySetting
from privacy.retention import retention_cutoff

pytestmark = pytest.mark.django_db


def _change_url() -> str:
    """The change page of the office's one settings row (saved first: its id is the database's)."""
    setting = PrivacySetting.current()
    setting.save()
    return reverse("admin:privacy_privacysetting_change", args=[setting.pk])


def test_without_a_saved_row_the_default_is_a_year_and_reading_writes_nothing():
    assert PrivacySetting.current().retention_days == 365
    assert not PrivacySetting.objects.exists()


def test_it_is_a_single_row():
    first = PrivacySetting(retention_days=200)
    first.save()
    PrivacySetting(retention_days=300).save()
    assert list(PrivacySetting.objects.values_list("pk", "retention_days")) == [(first.pk, 300)]


@pytest.mark.parametrize("days", [0, 30, MIN_RETENTION_DAYS - 1, 3651])
def test_too_short_or_too_long_a_period_is_refused(days):
    with pytest.raises(ValidationError):
        PrivacySetting(retention_days=days).full_clean()


def test_the_admin_edits_it_in_the_admin_site(client_of, admin_user):
    client = client_of(admin_user)
    form = {"retention_days": "730", "contact": "Sekretariat BPKAD"}
    assert client.post(_change_url(), form).status_code == 302
    assert PrivacySetting.current().retention_days == 730


def test_the_admin_site_refuses_a_period_below_the_minimum(client_of, admin_user):
    response = client_of(admin_user).post(_change_url(), {"retention_days": "30", "contact": "Sekretariat"})
    assert response.status_code == 200 and "Pastikan nilai ini lebih besar dari atau sama dengan 90" in \
        response.content.decode()
    assert PrivacySetting.current().retention_days == 365


def test_other_roles_cannot_edit_it(client_of, pimpinan):
    url = _change_url()
    pimpinan.is_staff = True
    pimpinan.save()
    response = client_of(pimpinan).post(url, {"retention_days": "100", "contact": "x"})
    assert response.status_code == 403
    assert PrivacySetting.current().retention_days == 365


def test_the_cutoff_is_today_minus_the_period():
    PrivacySetting(retention_days=100).save()
    assert retention_cutoff(today=date(2026, 11, 23)) == date(2026, 8, 15)
    assert retention_cutoff(200, today=date(2026, 11, 23)) == date(2026, 5, 7)
