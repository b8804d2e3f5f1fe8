from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    name = "routing"
    verbose_name = _("Bidang dan rute")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from offices.models import Office

        from .starting import start_office

        post_save.connect(start_office, sender=Office, dispatch_uid="routing_start_office")
