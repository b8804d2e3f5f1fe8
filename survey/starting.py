"""A new office's nine unsur of PermenPANRB 14/2017, worded as the regulation's example; its administrator
edits the wording. Connected to the office's first save in SurveyConfig.ready()."""

from offices.current import acting_for

from .catalog import ensure_unsur
from .models import Unsur


def start_office(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    with acting_for(instance):
        ensure_unsur(Unsur)
