"""Hostile text in the query string of every page that reads one (filters, searches, the live routing
suggestion): never a 500, nothing stored, the text shown back escaped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ..world import World
from .evil import evil_values
from .run import Fuzzer
from .targets import GET_TARGETS

pytestmark = pytest.mark.django_db


@pytest.fixture
def fuzzers(db):
    return {}


@pytest.mark.parametrize("target", GET_TARGETS, ids=lambda target: target.name)
@given(data=st.data())
def test_random_text_in_a_query_string_never_breaks_the_page(target, data, fuzzers):
    fuzzer = fuzzers.get(target.name) or fuzzers.setdefault(target.name, Fuzzer(World(), target))
    url = data.draw(st.sampled_from(fuzzer.setup["urls"]), label="url")
    fuzzer.get(url, data.draw(evil_values(target.fields), label="query"))
