"""The keyword rules are a pure function over topics: these tests give them topics in memory, no database."""

from routing.suggest import NO_MATCH_REASON, normalise, suggest
from tests.routing.history import ANGGARAN, PERBEND, SEKRETARIAT, T, Unit

AKUNTANSI = Unit("akuntansi", "Bidang Akuntansi", 3, 3)
TOPICS = [
    T(1, "Pergeseran anggaran", ANGGARAN, "pergeseran anggaran, revisi DPA, DPA"),
    T(2, "SPP", PERBEND, "SPP, SPP-UP, surat permintaan pembayaran"),
    T(3, "SPM", PERBEND, "SPM, surat perintah membayar"),
    T(4, "SP2D", PERBEND, "SP2D, pencairan dana"),
    T(5, "SPD", PERBEND, "SPD"),
    T(6, "Laporan keuangan", AKUNTANSI, "laporan keuangan, LK, LKPD"),
    T(7, "Surat", SEKRETARIAT, "surat, undangan"),
    T(8, "Temuan BPK", AKUNTANSI, "temuan, LHP, audit"),
    T(9, "Neraca", AKUNTANSI, "neraca, SIMBADA"),
]


def top(text):
    return suggest(text, TOPICS, model=None, fallback=SEKRETARIAT)[0]


def test_case_punctuation_and_hyphens_do_not_matter():
    assert top("SPP-UP").topic_name == "SPP"
    assert top("spp up!!").topic_name == "SPP"
    assert top("(Sp2D)").topic_name == "SP2D"
    assert normalise("SPP-UP, Sp2d.") == ["spp", "up", "sp2d"]


def test_a_code_written_apart_or_joined_still_matches():
    assert top("sp 2d belum terbit").topic_name == "SP2D"
    assert top("sppup bulan ini").topic_name == "SPP"


def test_office_shorthand_is_written_out():
    result = top("lap keu semester satu")
    assert result.topic_name == "Laporan keuangan"
    assert result.matched == ("lap keu",)  # the guest's own words, not the expansion


def test_a_small_typo_in_a_long_word_still_matches_but_counts_less():
    typo, exact = top("pergesran anggran"), top("pergeseran anggaran")
    assert typo.topic_name == exact.topic_name == "Pergeseran anggaran"
    assert typo.score < exact.score


def test_a_word_of_five_letters_matches_with_a_letter_wrong_or_two_swapped():
    assert top("nercaa bulan ini").topic_name == "Neraca"  # two neighbours swapped
    assert top("audif BPK").topic_name == "Temuan BPK"  # one letter wrong
    assert top("audif").score < top("audit").score


def test_a_five_letter_word_is_not_a_longer_keyword_with_a_letter_missing():
    """"teman" (a friend) is a word of its own, not "temuan" (a finding) mistyped."""
    assert top("ketemu teman lama").bidang_code == "sekretariat"
    assert top("temuan").topic_name == "Temuan BPK"
    assert top("temuann ditindaklanjuti").topic_name == "Temuan BPK"  # six letters and more: one extra is a typo


def test_a_word_of_four_letters_must_be_exact():
    assert top("audt").bidang_code == "sekretariat"


def test_a_keyword_written_in_capitals_is_a_code_and_must_be_exact():
    assert top("SIMBADA").topic_name == "Neraca"
    assert top("simbada").topic_name == "Neraca"  # any case in the text
    assert top("simbade").bidang_code == "sekretariat"  # one letter off: a code is exact or nothing


def test_short_codes_must_be_exact_so_spm_is_never_spd():
    assert top("SPM").topic_name == "SPM"
    assert top("SPD").topic_name == "SPD"
    assert top("SPN").bidang_code == "sekretariat"


def test_several_topics_in_one_sentence_are_all_ranked_with_their_words():
    ranked = suggest("revisi DPA dan pergeseran anggaran, juga tanya SPM", TOPICS, model=None, fallback=SEKRETARIAT)
    assert [s.topic_name for s in ranked] == ["Pergeseran anggaran", "SPM"]
    assert ranked[0].matched == ("revisi DPA", "pergeseran anggaran")
    assert ranked[0].score > ranked[1].score
    assert ranked[1].matched == ("SPM",)


def test_a_longer_phrase_owns_its_words():
    """"surat perintah membayar" is the SPM, not a letter for the Sekretariat."""
    ranked = suggest("surat perintah membayar ditolak", TOPICS, model=None, fallback=SEKRETARIAT)
    assert [s.topic_name for s in ranked] == ["SPM"]


def test_a_specific_word_outweighs_the_catch_all_sekretariat():
    assert top("antar surat pengajuan SPP").topic_name == "SPP"
    assert top("antar surat undangan").bidang_code == "sekretariat"


def test_text_that_matches_nothing_goes_to_the_sekretariat_with_that_reason():
    for text in ["ketemu teman lama", "", "   ", "???", None, "\x00\u202e"]:
        result = suggest(text, TOPICS, model=None, fallback=SEKRETARIAT)
        assert len(result) == 1
        assert (result[0].bidang_code, result[0].topic_id, result[0].score) == ("sekretariat", None, 0.0)
        assert result[0].reason == NO_MATCH_REASON


def test_the_reason_names_the_matched_words():
    assert top("Pengajuan SP2D").reason == "kata kunci: \u201cSP2D\u201d"


def test_as_dict_is_what_the_endpoint_answers():
    assert top("sp2d").as_dict() == {
        "bidang": "perbendaharaan", "bidang_name": "Bidang Perbendaharaan", "bidang_id": 2,
        "topic": "SP2D", "topic_id": 4, "score": 1.0, "matched": ["sp2d"], "reason": "kata kunci: \u201csp2d\u201d",
    }
