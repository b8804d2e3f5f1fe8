"""Keyword proposals: words that keep appearing in overridden needs, and the admin's one click to add one."""

import pytest
from django.contrib.admin.models import LogEntry

from routing.models import KeywordProposal, Topic
from routing.proposals import keyword_proposals
from routing.suggest import suggest
from routing.training import refresh_proposals
from tests.factories import make_user, wib

from .history import HONOR, SP2D, TOPICS, decisions, office_history

CHANGELIST = "/admin/routing/keywordproposal/"


def test_a_word_in_overridden_needs_that_went_to_one_bidang_is_proposed():
    proposals = keyword_proposals(office_history(), TOPICS)
    honor = next(p for p in proposals if p.word == "honor")
    assert (honor.bidang, honor.topic, honor.overridden, honor.seen) == ("perbendaharaan", HONOR.pk, 6, 6)
    assert {p.word for p in proposals} == {"bayar", "honor", "narasumber", "kegiatan"}


def test_a_word_of_needs_that_went_everywhere_is_not_proposed():
    history = office_history() + decisions(*[("kegiatan rutin sekretariat", "sekretariat", None, False)] * 4)
    assert "kegiatan" not in {p.word for p in keyword_proposals(history, TOPICS)}  # 6 of 10 needs: not telling


def test_a_word_that_is_already_a_keyword_of_that_bidang_is_not_proposed():
    history = decisions(*[("pencairan honor", "perbendaharaan", SP2D, True)] * 4)
    assert {p.word for p in keyword_proposals(history, TOPICS)} == {"honor"}  # "pencairan" is SP2D's keyword


def test_fewer_than_three_overridden_needs_propose_nothing():
    assert keyword_proposals(office_history(honor_needs=2), TOPICS) == []


@pytest.fixture
def proposal(db):
    """An open proposal: "honor" for the topic "Gaji, TPP dan honorarium" as if train_routing had found it."""
    topic = Topic.objects.get(name="Gaji, TPP dan honorarium")
    topic.keywords = "gaji, TPP"
    topic.save()
    return KeywordProposal.objects.create(word="narasumber", bidang=topic.bidang, topic=topic, overridden=6, seen=6,
                                          proposed_at=wib(2026, 11, 22, 1))


def test_the_admin_adds_a_proposed_word_to_its_topic_in_one_click(client_of, admin_user, proposal, clock):
    assert suggest("honor narasumber", model=None)[0].bidang_code == "sekretariat"
    response = client_of(admin_user).post(f"{CHANGELIST}{proposal.pk}/tambah/", {"topic": proposal.topic_id})
    assert response.status_code == 302 and response["Location"] == CHANGELIST
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.decided_at, proposal.added_to) == (
        "ditambahkan", admin_user, clock.now(), proposal.topic)
    assert Topic.objects.get(pk=proposal.topic_id).keywords == "gaji, TPP, narasumber"
    entry = LogEntry.objects.get(object_id=str(proposal.topic_id), content_type__model="topic")
    assert (entry.user, entry.change_message) == (
        admin_user,
        "Kata kunci \u201cnarasumber\u201d ditambahkan dari usulan (6 keperluan diarahkan lain dari saran).")
    assert suggest("honor narasumber", model=None)[0].topic_name == "Gaji, TPP dan honorarium"


def test_the_changelist_offers_the_one_click_button(client_of, admin_user, proposal):
    html = client_of(admin_user).get(CHANGELIST).content.decode()
    assert f'formaction="{CHANGELIST}{proposal.pk}/tambah/" name="topic" value="{proposal.topic_id}"' in html
    assert "Tambahkan ke \u201cGaji, TPP dan honorarium\u201d" in html
    assert 'name="csrfmiddlewaretoken"' in html  # the button posts the changelist's form, with its token


def test_a_second_click_adds_nothing_twice(client_of, admin_user, proposal):
    client = client_of(admin_user)
    client.post(f"{CHANGELIST}{proposal.pk}/tambah/", {"topic": proposal.topic_id})
    response = client.post(f"{CHANGELIST}{proposal.pk}/tambah/", {"topic": proposal.topic_id}, follow=True)
    assert "sudah ditambahkan" in response.content.decode()
    assert Topic.objects.get(pk=proposal.topic_id).keywords == "gaji, TPP, narasumber"


def test_a_topic_of_another_bidang_is_refused(client_of, admin_user, proposal):
    other = Topic.objects.get(name="Surat menyurat")
    response = client_of(admin_user).post(f"{CHANGELIST}{proposal.pk}/tambah/", {"topic": other.pk}, follow=True)
    assert "bukan urusan Bidang Perbendaharaan" in response.content.decode()
    assert KeywordProposal.objects.get(pk=proposal.pk).status == "usulan"
    assert "narasumber" not in Topic.objects.get(pk=other.pk).keywords


@pytest.mark.parametrize("value", ["abc", "", "99999999", "1; DROP TABLE"])
def test_a_strange_topic_value_never_fails(client_of, admin_user, proposal, value):
    response = client_of(admin_user).post(f"{CHANGELIST}{proposal.pk}/tambah/", {"topic": value})
    assert response.status_code == 302


def test_the_admin_may_set_a_proposal_aside(client_of, admin_user, proposal, clock):
    client_of(admin_user).post(f"{CHANGELIST}{proposal.pk}/abaikan/")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.decided_at) == ("diabaikan", admin_user, clock.now())
    assert "narasumber" not in Topic.objects.get(pk=proposal.topic_id).keywords


def test_only_the_admin_may_decide_and_only_by_post(client_of, admin_user, kasubbag, proposal):
    assert client_of(admin_user).get(f"{CHANGELIST}{proposal.pk}/tambah/").status_code == 405
    response = client_of(kasubbag).post(f"{CHANGELIST}{proposal.pk}/tambah/", {"topic": proposal.topic_id})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    viewer = make_user("tamu_admin", is_staff=True)  # staff without the topics' permission
    assert client_of(viewer).post(f"{CHANGELIST}{proposal.pk}/tambah/").status_code == 403
    assert KeywordProposal.objects.get(pk=proposal.pk).status == "usulan"


def test_retraining_replaces_open_proposals_and_keeps_decided_ones(proposal, admin_user, clock):
    proposal.dismiss(by=admin_user, at=clock.now())
    gaji = Topic.objects.get(name="Gaji, TPP dan honorarium")
    KeywordProposal.objects.create(word="kemarin", bidang=gaji.bidang, topic=gaji, overridden=3, seen=3,
                                   proposed_at=wib(2026, 11, 1, 1))
    history = decisions(*[("honor narasumber moderator", "perbendaharaan", gaji, True)] * 4)
    refresh_proposals(history, list(Topic.objects.select_related("bidang")), at=clock.now())
    assert dict(KeywordProposal.objects.values_list("word", "status")) == {
        "narasumber": "diabaikan",  # set aside once: never proposed again
        "honor": "usulan", "moderator": "usulan",  # today's
    }  # "kemarin", yesterday's open proposal that the history no longer backs, is gone
