"""The rebuilt catalog reaches a database seeded with the first one, and never overwrites an edit."""

import pytest

from routing.catalog import TOPICS, ensure_topics
from routing.catalog_history import CATALOG_V1
from routing.models import Bidang, Topic

pytestmark = pytest.mark.django_db
NEW = {name: keywords for _, name, _, keywords in TOPICS}


@pytest.fixture
def first_catalog():
    """The database as migration 0004 left it before issue 18: the first catalog only."""
    Topic.objects.all().delete()
    units = {b.code: b for b in Bidang.objects.all()}
    for code, name, description, keywords in CATALOG_V1:
        Topic.objects.create(name=name, bidang=units[code], description=description, keywords=keywords)


def test_an_untouched_topic_gets_the_new_keywords(first_catalog):
    ensure_topics(Topic, Bidang)
    assert Topic.objects.get(name="SP2D").keywords == NEW["SP2D"]
    assert "RKUD" in Topic.objects.get(name="SP2D").keywords


def test_new_topics_are_created(first_catalog):
    ensure_topics(Topic, Bidang)
    assert set(Topic.objects.values_list("name", flat=True)) == set(NEW)
    assert Topic.objects.get(name="Gaji, TPP dan honorarium").bidang.code == "perbendaharaan"


def test_a_topic_the_admin_edited_is_left_alone(first_catalog):
    Topic.objects.filter(name="SPJ").update(keywords="SPJ, dana BOS")
    Topic.objects.filter(name="Pajak").update(active=False)
    ensure_topics(Topic, Bidang)
    assert Topic.objects.get(name="SPJ").keywords == "SPJ, dana BOS"
    assert Topic.objects.get(name="Pajak").keywords == dict((n, k) for _, n, _, k in CATALOG_V1)["Pajak"]


def test_running_it_again_changes_nothing(first_catalog):
    ensure_topics(Topic, Bidang)
    before = list(Topic.objects.order_by("pk").values())
    ensure_topics(Topic, Bidang)
    assert list(Topic.objects.order_by("pk").values()) == before
