"""Passwords must be long, not common, not only digits and not like the user's name (Indonesian messages)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
DEMO_PASSWORD = "demo-pojok-2026"  # make run's and seed_demo's


def _errors(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def test_a_short_password_is_refused_with_the_minimum_length():
    assert "Harus mengandung setidaknya 12 karakter" in _errors("Pendek-9x")


def test_a_common_password_is_refused():
    assert "terlalu umum" in _errors("password1234")


def test_a_password_of_only_digits_is_refused():
    assert "seluruhnya terdiri dari angka" in _errors("820417365092")


def test_a_password_like_the_username_is_refused():
    user = get_user_model()(username="budisantoso", first_name="Budi", last_name="Santoso")
    assert "terlalu mirip dengan nama pengguna" in _errors("budisantoso1", user)


def test_the_demo_and_test_passwords_pass_the_rules(petugas):
    assert _errors(DEMO_PASSWORD, petugas) == ""
    assert _errors(PASSWORD, petugas) == ""


def test_the_minimum_length_follows_the_setting(settings):
    names = {v["NAME"].rsplit(".", 1)[1]: v for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert names["MinimumLengthValidator"]["OPTIONS"]["min_length"] == 12


def test_changing_ones_password_to_a_weak_one_is_refused(client_of, petugas):
    client = client_of(petugas)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "terlalu pendek" in text and "terlalu umum" in text
    petugas.refresh_from_db()
    assert petugas.check_password(PASSWORD)


def test_the_admin_creating_a_user_goes_through_the_rules(client_of, admin_user):
    client = client_of(admin_user)
    weak = {"username": "wati", "password1": "wati12345", "password2": "wati12345", "usable_password": "true"}
    response = client.post(reverse("admin:pojok_user_add"), weak)
    assert response.status_code == 200
    assert "terlalu pendek" in response.content.decode()
    assert not get_user_model().objects.filter(username="wati").exists()
    strong = {**weak, "password1": "Bendahara-Kota-77", "password2": "Bendahara-Kota-77"}
    response = client.post(reverse("admin:pojok_user_add"), strong)
    assert response.status_code == 302
    assert get_user_model().objects.get(username="wati").check_password("Bendahara-Kota-77")
