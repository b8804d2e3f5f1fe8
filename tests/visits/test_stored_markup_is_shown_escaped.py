"""Whatever is stored is shown as text: markup in a name or need never reaches the page as HTML."""

import pytest
from django.urls import reverse

from pojok import clock
from visits.models import Visit

MARKUP = "<b>x</b>"
ESCAPED = "&lt;b&gt;x&lt;/b&gt;"


@pytest.fixture
def visit_with_markup(petugas):
    """Stored straight through the model, past the form's checks (as an import or the admin could)."""
    return Visit.check_in(by=petugas, guest_name=f"Siti {MARKUP}", origin=f"Dinas {MARKUP}",
                          keperluan=f"SPJ {MARKUP}", at=clock.now())


@pytest.mark.parametrize("page", ["visits:desk", "visits:desk_rows", "visits:detail", "visits:slip"])
def test_markup_in_the_name_and_origin_is_escaped(client_of, petugas, visit_with_markup, page):
    args = [] if page.startswith("visits:desk") else [visit_with_markup.pk]

    html = client_of(petugas).get(reverse(page, args=args)).content.decode()

    assert MARKUP not in html
    assert f"Siti {ESCAPED}" in html
    assert f"Dinas {ESCAPED}" in html


def test_markup_in_the_keperluan_is_escaped_on_the_detail_page(client_of, petugas, visit_with_markup):
    html = client_of(petugas).get(reverse("visits:detail", args=[visit_with_markup.pk])).content.decode()

    assert f"SPJ {ESCAPED}" in html
    assert MARKUP not in html


def test_markup_in_a_cancel_reason_is_escaped_in_the_history(client_of, petugas, visit_with_markup):
    visit_with_markup.advance("cancel", by=petugas, note=f"alasan {MARKUP}")

    html = client_of(petugas).get(reverse("visits:detail", args=[visit_with_markup.pk])).content.decode()

    assert f"alasan {ESCAPED}" in html
    assert MARKUP not in html


def test_markup_in_the_name_is_escaped_in_the_move_message(client_of, petugas, visit_with_markup):
    url = reverse("visits:move", args=[visit_with_markup.pk, "greet"])
    response = client_of(petugas).post(url, follow=True)

    html = response.content.decode()
    assert f"Siti {ESCAPED}: Sambut \u2014 tercatat." in html
    assert MARKUP not in html
