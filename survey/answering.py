"""Inviting a guest and taking their answers: the only code that writes invitations and responses."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pojok import clock
from visits.models import State

from .models import Answer, Invitation, Response, Unsur, link_expiry, new_token

# The guest may answer once the consultation is over: while waiting to be seen out, or after.
ANSWERABLE_STATES = frozenset({State.LEAVING, State.DONE})


class SurveyClosed(Exception):
    """The survey cannot be answered through this link; the message says why, for the guest."""

    def __init__(self, message: str, *, title: str | None = None, status: int = 200):
        super().__init__(message)
        self.title, self.status = title or _("Survei tidak dapat diisi"), status


def invite(*, visit, at=None) -> Invitation:
    """The visit's invitation, made on first need (the slip, the see-out screen); one per visit."""
    existing = Invitation.objects.filter(visit=visit).first()
    if existing is not None:
        return existing
    for _attempt in range(5):  # a token already taken (about one in 10^11) just draws another
        try:
            with transaction.atomic():
                return Invitation.objects.create(
                    visit=visit, token=new_token(), created_at=at or clock.now(),
                    expires_at=link_expiry(visit.day),
                )
        except IntegrityError:
            existing = Invitation.objects.filter(visit=visit).first()
            if existing is not None:  # another request invited the same visit first
                return existing
    raise RuntimeError("no free survey token after five draws")


def check_open(invitation: Invitation, *, at=None) -> None:
    """Raise SurveyClosed unless the guest may answer through this invitation now."""
    if invitation.answered:
        raise SurveyClosed(_("Survei untuk kunjungan ini sudah diisi. Terima kasih atas penilaian Anda."),
                           title=_("Terima kasih"))
    if invitation.is_expired(at):
        raise SurveyClosed(
            _("Tautan survei ini sudah kedaluwarsa: hanya berlaku sampai dengan %(day)s.")
            % {"day": f"{invitation.last_day:%d-%m-%Y}"},
            title=_("Tautan sudah kedaluwarsa"), status=410,
        )
    state = invitation.visit.state
    if state in (State.CANCELLED, State.INCOMPLETE):
        raise SurveyClosed(_("Kunjungan ini tidak selesai dilayani, sehingga survei tidak tersedia."))
    if state not in ANSWERABLE_STATES or invitation.visit.bidang_id is None:
        raise SurveyClosed(
            _("Survei dapat diisi setelah konsultasi Anda selesai. Silakan buka kembali tautan ini nanti."),
            title=_("Konsultasi belum selesai"),
        )


def submit_response(*, invitation: Invitation, answers: dict[int, int], profile: dict | None = None,
                    suggestion: str = "", is_complaint: bool = False, at=None) -> Response:
    """Store one guest's answers apart from the visit, and mark the invitation answered.

    `answers` maps each unsur number to 1–4. Raises SurveyClosed (and stores nothing) when the link
    was already used, has expired, or the visit did not end in a consultation.
    """
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().select_related("visit").get(pk=invitation.pk)
        check_open(locked, at=at)
        # The claim is a conditional UPDATE: of two submissions racing past the check above, the
        # database lets exactly one turn `answered` from false to true; the other stores nothing.
        if not Invitation.objects.filter(pk=locked.pk, answered=False).update(answered=True):
            raise SurveyClosed(_("Survei untuk kunjungan ini sudah diisi."), title=_("Terima kasih"))
        visit, text = locked.visit, suggestion.strip()
        response = Response.objects.create(
            day=visit.day, bidang_id=visit.bidang_id, topic_id=visit.topic_id, channel=visit.channel,
            suggestion=text, is_complaint=is_complaint and bool(text), **(profile or {}),
        )
        unsur = dict(Unsur.objects.values_list("number", "pk"))  # the office's own unsur, by number
        Answer.objects.bulk_create(
            Answer(response=response, unsur_id=unsur[number], value=value)
            for number, value in sorted(answers.items())
        )
    invitation.answered = True
    return response
