"""The display speaks queue numbers in Indonesian words."""

import pytest

from lobby.speech import call_sentence, spell_number


@pytest.mark.parametrize("number, words", [
    (0, "nol"), (7, "tujuh"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (19, "sembilan belas"),
    (20, "dua puluh"), (21, "dua puluh satu"), (100, "seratus"), (101, "seratus satu"),
    (112, "seratus dua belas"), (250, "dua ratus lima puluh"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"), (1011, "seribu sebelas"), (2024, "dua ribu dua puluh empat"),
    (12345, "dua belas ribu tiga ratus empat puluh lima"),
])
def test_it_spells_numbers_in_indonesian(number, words):
    assert spell_number(number) == words


def test_it_refuses_numbers_it_cannot_say():
    with pytest.raises(ValueError):
        spell_number(-1)


def test_the_call_sentence_names_the_number_and_the_bidang():
    assert call_sentence(prefix="A", seq=7, bidang_name="Bidang Perbendaharaan") == (
        "Nomor antrian A tujuh, silakan menuju Bidang Perbendaharaan")
