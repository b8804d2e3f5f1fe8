from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Kunjungan dan SOP")

    def ready(self) -> None:
        from pojok import navigation

        from .areas import AREAS

        navigation.register(*AREAS)

        from django.db.models.signals import post_delete, post_save

        from offices.models import Office

        from .arrival import rules_changed
        from .models import ArrivalRule, Piket, Visit
        from .polls import board_changed
        from .starting import start_office

        for model in (Visit, Piket):  # the desk and triage boards' stamp (polls.py)
            for signal in (post_save, post_delete):
                signal.connect(board_changed, sender=model, dispatch_uid=f"board_changed_{model.__name__}_{signal}")
        for signal in (post_save, post_delete):
            signal.connect(rules_changed, sender=ArrivalRule, dispatch_uid=f"arrival_rules_changed_{signal}")
        post_save.connect(start_office, sender=Office, dispatch_uid="visits_start_office")
