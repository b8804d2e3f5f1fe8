"""Hostile text in every field of every form, posted through the real view as the role that uses it:
never a 500, nothing stored from a rejected form, everything stored shown escaped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ..world import World
from .evil import evil_values
from .run import Fuzzer
from .targets import POST_TARGETS

pytestmark = pytest.mark.django_db


@pytest.fixture
def fuzzers(db):
    """One Fuzzer per test, made on the first example (the world and the target's objects)."""
    return {}


@pytest.mark.parametrize("target", POST_TARGETS, ids=lambda target: target.name)
@given(data=st.data())
def test_random_text_in_a_form_never_breaks_it(target, data, fuzzers):
    fuzzer = fuzzers.get(target.name) or fuzzers.setdefault(target.name, Fuzzer(World(), target))
    fuzzer.post(data.draw(evil_values(target.fields), label="fields"))
