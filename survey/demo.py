"""Demo answers for the IKM report: some finished demo visits answered, through the real invitation path."""

import random

from django.db import transaction

from visits.models import State, Visit

from .answering import invite, submit_response
from .models import AgeGroup, Education, Invitation, Occupation, Sex, Unsur

SUGGESTIONS = [
    ("Petugas ramah dan penjelasannya jelas.", False),
    ("Ruang tunggu agak panas, mohon ditambah kipas.", False),
    ("Mohon disediakan contoh format SPJ yang bisa dibawa pulang.", False),
    ("Saya menunggu lama karena pejabat yang dituju sedang rapat.", True),
    ("Parkir sempit di jam sibuk.", False),
]


def add_demo_responses(*, share: float = 0.6, seed: int = 14) -> int:
    """Answer about `share` of the finished visits not yet invited; returns how many were answered.

    Whether a visit answers, and how, is drawn from that visit's own number: a second run makes the
    same choices, so it adds nothing.
    """
    with transaction.atomic():  # one commit for the lot: a commit per answer was most of the seed's time
        return _answer(share, seed)


def _answer(share: float, seed: int) -> int:
    numbers = list(Unsur.objects.values_list("number", flat=True))
    invited = Invitation.objects.values("visit")
    visits = Visit.objects.filter(state=State.DONE).exclude(pk__in=invited).order_by("pk")
    answered = 0
    for visit in visits:
        rng = random.Random(seed * 1_000_003 + visit.pk)
        if rng.random() > share:
            continue
        invitation = invite(visit=visit, at=visit.arrived_at)
        base = rng.choice([3, 3, 3, 4, 4, 2])
        answers = {n: min(4, max(1, base + rng.choice([-1, 0, 0, 0, 1]))) for n in numbers}
        answers[4] = 4  # consultations at BPKAD are free: "Gratis"
        text, complaint = rng.choice(SUGGESTIONS) if rng.random() < 0.3 else ("", False)
        profile = {"sex": rng.choice(Sex.values), "age_group": rng.choice(AgeGroup.values),
                   "education": rng.choice(Education.values), "occupation": rng.choice(Occupation.values[:3])}
        submit_response(invitation=invitation, answers=answers, profile=profile, suggestion=text,
                        is_complaint=complaint, at=visit.arrived_at)
        answered += 1
    return answered
