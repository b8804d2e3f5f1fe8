"""Ids in the HTML are plain digits: with Indonesian number formats visit 1234 must not become
"visit-1.234", which the live boards (htmx swaps, tests, scripts) would no longer find."""

import pytest
from django.template.loader import render_to_string

from tests.factories import make_visit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("template", ["visits/_visit_row.html", "visits/triage/_queue_rows.html"])
def test_a_visit_past_a_thousand_keeps_a_plain_id(petugas, template):
    visit = make_visit(petugas)
    visit.pk = 12345  # as in an office's second year; rendered only, never saved
    row = {"visit": visit, "step": None, "moves": []}
    html = render_to_string(template, {"row": row, "rows": [row]})
    assert 'id="visit-12345"' in html and "12.345" not in html
