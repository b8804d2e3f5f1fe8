"""Whatever a phone sends to the public form, the guest gets a page with a message, never a 500."""

import random
import re
import string

import pytest
from django.test import Client
from django.urls import reverse

from survey.models import Response
from tests.survey.conftest import all_answers


@pytest.fixture
def answer_url(invited):
    return reverse("survey:answer", args=[invited().token])


@pytest.mark.parametrize("changes, field", [
    ({"u1": "5"}, "u1"), ({"u2": "0"}, "u2"), ({"u3": "-1"}, "u3"), ({"u4": "abc"}, "u4"),
    ({"u5": "2.5"}, "u5"), ({"u6": ""}, "u6"), ({"u7": "9" * 400}, "u7"), ({"u8": "1\x00"}, "u8"),
    ({"sex": "X"}, "sex"), ({"age_group": "<script>"}, "age_group"), ({"education": "s9"}, "education"),
    ({"occupation": "astronot"}, "occupation"), ({"suggestion": "a" * 2001}, "suggestion"),
    ({"suggestion": "saran\x00"}, "suggestion"), ({"is_complaint": "on", "suggestion": "  "}, "suggestion"),
])
def test_a_bad_field_gets_a_message_and_changes_nothing(client, answer_url, changes, field):
    page = client.post(answer_url, {**all_answers(4), **changes})
    assert page.status_code == 200
    assert field in page.context["form"].errors
    assert "Mohon lengkapi jawaban yang ditandai." in page.content.decode()
    assert not Response.objects.exists()


def test_a_missing_answer_is_marked_next_to_its_question(client, answer_url):
    data = all_answers(4)
    del data["u9"]
    page = client.post(answer_url, data)
    html = page.content.decode()
    assert 'id="q9"' in html and "Mohon pilih salah satu jawaban." in html
    assert html.index("Mohon pilih salah satu jawaban.") > html.index('id="q9"')
    assert re.search(r'id="u1-4" value="4" required\s+checked', html)  # the answers given are kept


def test_random_junk_posts_never_cause_a_500(answer_url):
    client = Client(raise_request_exception=False)
    rng = random.Random(20171114)
    names = ["u1", "u5", "u9", "sex", "age_group", "education", "occupation", "suggestion", "is_complaint",
             "csrfmiddlewaretoken", "id", "visit", "bidang", "", "u10", "u1[]"]
    alphabet = string.printable + "\x00\x01\u00e9\u202e\ud7ff\U0001F600"
    for _ in range(150):
        data = {rng.choice(names): "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
                for _ in range(rng.randint(0, 12))}
        page = client.post(answer_url, data)
        assert page.status_code == 200, data
    assert not Response.objects.exists()


def test_junk_bodies_and_methods_never_cause_a_500(answer_url):
    client = Client(raise_request_exception=False)
    form = "application/x-www-form-urlencoded"
    junk = b"\xff\xfe\x00garbage"
    assert client.generic("POST", answer_url, junk, content_type="application/json").status_code == 200
    assert client.generic("POST", answer_url, b"u1=%ff%fe&u2=4", content_type=form).status_code == 200
    assert client.put(answer_url, b"u1=4").status_code == 405
    assert not Response.objects.exists()


@pytest.mark.parametrize("token", ["nothere", "x" * 300, "%00", "..", "ABC-def", "\u00e9t\u00e9"])
def test_an_unknown_token_is_a_friendly_404(db, token):
    client = Client(raise_request_exception=False)
    page = client.get(f"/s/{token}")
    assert page.status_code == 404
    assert "Tautan tidak dikenal" in page.content.decode()


def test_a_post_without_the_csrf_token_is_refused_not_crashed(answer_url):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    assert client.post(answer_url, all_answers(4)).status_code == 403
    assert not Response.objects.exists()
