"""The migrations seed a realistic catalog, and the suggestion reads only active topics from it."""

import pytest

from routing.models import Topic
from routing.suggest import suggest

pytestmark = pytest.mark.django_db


def test_every_bidang_has_topics_from_the_manual():
    by_bidang = {}
    for name, code in Topic.objects.values_list("name", "bidang__code"):
        by_bidang.setdefault(code, []).append(name)
    assert set(by_bidang) == {"anggaran", "perbendaharaan", "akuntansi", "aset", "sekretariat"}
    assert {"SPD", "SPM", "SP2D", "SPJ", "Pajak"} <= set(by_bidang["perbendaharaan"])
    keywords = " ".join(Topic.objects.values_list("keywords", flat=True)).lower()
    for word in ["kua-ppas", "anggaran kas", "sipd penganggaran", "spp-gu", "bku", "calk", "temuan bpk",
                 "kib", "pemindahtanganan", "kepegawaian"]:
        assert word in keywords


def test_a_topic_the_admin_switched_off_is_not_suggested():
    assert suggest("SP2D belum terbit")[0].topic_name == "SP2D"
    Topic.objects.filter(name="SP2D").update(active=False)
    assert all(s.topic_name != "SP2D" for s in suggest("SP2D belum terbit"))


def test_a_keyword_the_admin_adds_is_used_at_once():
    assert suggest("dana kapitasi JKN")[0].bidang_code == "sekretariat"
    topic = Topic.objects.get(name="SPJ")
    topic.keywords += ", dana kapitasi"
    topic.save()
    assert suggest("dana kapitasi JKN")[0].topic_name == "SPJ"
