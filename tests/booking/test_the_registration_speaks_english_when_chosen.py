"""The pre-registration page and its email follow the guest's chosen language; Indonesian is the default."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from .conftest import booking_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("topics")]


def test_the_page_offers_english_and_speaks_it_once_chosen(client):
    html = client.get(reverse("booking:register", args=["bpkad"])).content.decode()
    assert "Daftar sebelum datang" in html and 'name="language" value="en"' in html
    client.post(reverse("set_language"), {"language": "en", "next": reverse("booking:register", args=["bpkad"])})
    html = client.get(reverse("booking:register", args=["bpkad"])).content.decode()
    assert '<html lang="en">' in html and "Register before you come" in html and "Register &amp; get a code" in html
    assert "Why is this recorded?" in html and "Daftar sebelum datang" not in html


def test_the_code_page_and_the_email_are_in_english(client, django_capture_on_commit_callbacks):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("booking:register", args=["bpkad"]), booking_form(client, email="tamu@example.com"),
                           follow=True)
    html = done.content.decode()
    assert "Registration received" in html and "Your registration code:" in html
    assert "Your registration for a visit to Pojok Konsultasi" in mail.outbox[-1].body
    assert "Registration code:" in mail.outbox[-1].body
