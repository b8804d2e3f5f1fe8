"""The learned part of routing (routing/learn.py): training and prediction on a small history."""

import json

from routing.learn import MIN_DECISIONS, Classifier, features, words_of

from .history import HONOR, KIB, decisions, office_history


def test_it_points_a_need_to_where_such_needs_went_before():
    model = Classifier.train(office_history())
    top = model.predict("honor narasumber rapat")[0]
    assert top.bidang == "perbendaharaan"
    assert (top.similar, top.word) == (6, "honor")  # as telling as "narasumber", and written first
    assert top.topic == HONOR.pk
    assert top.share > 0.5


def test_each_bidang_gets_a_share_and_the_shares_add_up_to_one():
    ranked = Classifier.train(office_history()).predict("inventarisasi honor")
    assert {view.bidang for view in ranked} == {"perbendaharaan", "anggaran", "aset", "sekretariat"}
    assert abs(sum(view.share for view in ranked) - 1) < 0.001
    assert ranked[0].share >= ranked[-1].share


def test_it_says_nothing_of_a_need_whose_words_it_never_saw():
    assert Classifier.train(office_history()).predict("ketemu teman lama") == []
    assert Classifier.train(office_history()).predict("") == []


def test_it_says_nothing_before_it_has_seen_enough_decisions():
    few = office_history()[:MIN_DECISIONS - 1]
    assert Classifier.train(few).predict("honor narasumber") == []
    assert Classifier.train(office_history()[:MIN_DECISIONS]).predict("honor narasumber") != []


def test_a_small_typo_in_a_known_word_still_counts():
    top = Classifier.train(office_history()).predict("narasumbr pelatihan")[0]
    assert (top.bidang, top.word) == ("perbendaharaan", "narasumber")


def test_word_pieces_join_forms_of_one_word():
    """"pencairan" and "dicairkan" share the piece "cair": the pieces of both are features."""
    assert "c:cair" in features(["pencairan"]) and "c:cair" in features(["dicairkan"])
    assert abs(sum(w for f, w in features(["honor"]).items() if f.startswith("c:")) - 1) < 1e-9


def test_stopwords_and_bare_numbers_are_not_clues():
    assert words_of("Mau tanya konsultasi SPP-UP 2026 untuk dinas kami") == ["spp", "up", "dinas"]


def test_a_word_seen_in_one_need_only_is_not_kept():
    """A guest's name or a one-off number never enters the stored model."""
    history = office_history() + decisions(("inventarisasi barang milik pak sugiharto", "aset", KIB, False))
    parameters = Classifier.train(history).parameters()
    stored = json.dumps(parameters)
    assert "sugiharto" not in stored
    assert parameters["df"]["w:inventarisasi"] == 4


def test_the_stored_parameters_predict_the_same_as_the_trained_model():
    trained = Classifier.train(office_history())
    loaded = Classifier(json.loads(json.dumps(trained.parameters())))
    for text in ["honor narasumber", "revisi DPA", "cuti pegawai", "inventarisasi honor"]:
        assert loaded.predict(text) == trained.predict(text)


def test_learning_one_decision_at_a_time_equals_training_at_once():
    history = office_history()
    stepwise = Classifier()
    for decision in history:
        stepwise.learn(decision)
    assert stepwise.parameters() == Classifier.train(history).parameters()
