"""A guest on their own phone picks English on the page itself (set_language, POST + CSRF) and the survey
answers in English; Indonesian stays the default, and the questions' texts from the database stay as written."""

from django.conf import settings
from django.test import Client
from django.urls import reverse


def _url(invitation) -> str:
    return reverse("survey:answer", args=[invitation.token])


def test_the_survey_is_in_indonesian_and_offers_english(client, invited):
    html = client.get(_url(invited())).content.decode()
    assert '<html lang="id">' in html and "Kirim penilaian" in html and "Survei Kepuasan Masyarakat" in html
    assert f'action="{reverse("set_language")}"' in html and 'name="language" value="en"' in html
    assert ">English</button>" in html and "Bahasa Indonesia</button>" not in html


def test_a_guest_who_picks_english_gets_the_survey_in_english(invited, unsur):
    invitation = invited()
    guest = Client(enforce_csrf_checks=True)
    page = guest.get(_url(invitation))
    token = page.cookies[settings.CSRF_COOKIE_NAME].value
    chosen = guest.post(reverse("set_language"), {"language": "en", "next": _url(invitation),
                                                  "csrfmiddlewaretoken": token})
    assert chosen.status_code == 302 and chosen["Location"] == _url(invitation)
    html = guest.get(_url(invitation)).content.decode()
    assert '<html lang="en">' in html
    assert "Community Satisfaction Survey" in html and "Send rating" in html and "About you (may be skipped)" in html
    assert "Kirim penilaian" not in html and "Tentang Anda" not in html
    assert ">Bahasa Indonesia</button>" in html  # and the way back
    assert unsur[0].question in html  # the questions are the office's own texts, kept as written


def test_the_code_page_and_the_closed_page_follow_the_cookie(client, invited):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    start = client.get(reverse("survey:start")).content.decode()
    assert "Fill in the satisfaction survey" in start and "Continue" in start and "Lanjut" not in start
    invitation = invited()
    client.post(_url(invitation), {f"u{n}": "4" for n in range(1, 10)})
    thanks = client.get(_url(invitation)).content.decode()
    assert '<html lang="en">' in thanks and "Community Satisfaction Survey" in thanks
