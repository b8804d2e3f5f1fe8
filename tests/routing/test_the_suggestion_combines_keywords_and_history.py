"""suggest() with a trained model: keyword rules and the office's history, and the reason in words."""

import re

from routing.learn import Classifier
from routing.suggest import NO_MATCH_REASON, suggest

from .history import HONOR, PEGAWAI, SEKRETARIAT, TOPICS, decisions, office_history


def top(text, model):
    return suggest(text, TOPICS, model=model, fallback=SEKRETARIAT)[0]


def test_a_need_no_keyword_knows_goes_where_such_needs_went_before():
    model = Classifier.train(office_history())
    assert top("honor narasumber bimtek", None).bidang_code == "sekretariat"  # the keywords alone
    learned = top("honor narasumber bimtek", model)
    assert (learned.bidang_code, learned.topic_id, learned.topic_name) == ("perbendaharaan", HONOR.pk, HONOR.name)
    assert learned.reason == ("mirip 6 keperluan sebelumnya yang diarahkan ke Bidang Perbendaharaan "
                              "(memuat \u201chonor\u201d)")


def test_when_keywords_and_history_agree_the_reason_names_both():
    reason = top("SP2D belum terbit juga", Classifier.train(office_history())).reason
    assert reason == ("kata kunci: \u201cSP2D\u201d; mirip 3 keperluan sebelumnya yang diarahkan ke "
                      "Bidang Perbendaharaan (memuat \u201csp2d\u201d)")


def test_the_reason_never_shows_a_score():
    model = Classifier.train(office_history())
    for text in ["SP2D belum terbit", "honor narasumber", "revisi DPA dan SP2D", "cuti pegawai"]:
        for suggestion in suggest(text, TOPICS, model=model, fallback=SEKRETARIAT):
            assert "skor" not in suggestion.reason
            assert not re.search(r"\d[.,]\d", suggestion.reason)  # no 2,0 or 0.83


def _overridden_pegawai(times: int):
    """Needs about paying staff ("pegawai" is a Sekretariat keyword) the Kasubbag sent to Perbendaharaan."""
    rows = [(f"uang makan pegawai bulan {i}", "perbendaharaan", HONOR, True) for i in range(times)]
    rows += [("cuti tahunan", "sekretariat", PEGAWAI, False)] * 4 + [("revisi DPA", "anggaran", None, False)] * 6
    return Classifier.train(decisions(*rows))


def test_a_keyword_the_office_keeps_overriding_loses_to_what_the_office_does():
    assert top("uang makan pegawai", None).bidang_code == "sekretariat"
    learned = top("uang makan pegawai", _overridden_pegawai(12))
    assert learned.bidang_code == "perbendaharaan"
    assert learned.reason.startswith("mirip 12 keperluan sebelumnya yang diarahkan ke Bidang Perbendaharaan")


def test_a_few_overrides_do_not_yet_outweigh_a_keyword():
    ranked = suggest("uang makan pegawai", TOPICS, model=_overridden_pegawai(3), fallback=SEKRETARIAT)
    assert [s.bidang_code for s in ranked[:2]] == ["sekretariat", "perbendaharaan"]
    assert ranked[0].reason == "kata kunci: \u201cpegawai\u201d"
    assert ranked[1].reason.startswith("mirip 3 keperluan sebelumnya")  # the runner-up says why it is there


def test_history_from_a_single_need_stays_silent():
    model = Classifier.train(office_history() + decisions(("arsip lemari kayu", "aset", None, True),
                                                          ("arsip lemari besi", "aset", None, True)))
    assert top("lemari", model).bidang_code == "aset"  # two needs with "lemari": enough to speak
    once = Classifier.train(office_history() + decisions(("arsip lemari kayu", "aset", None, True)))
    assert top("lemari", once).reason == NO_MATCH_REASON


def test_without_a_model_the_keywords_decide_alone():
    assert top("honor narasumber", None).reason == NO_MATCH_REASON
    assert top("SP2D", None).reason == "kata kunci: \u201cSP2D\u201d"
