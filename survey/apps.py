from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "survey"
    verbose_name = _("Survei Kepuasan Masyarakat")

    def ready(self) -> None:
        from pojok.navigation import Area, register

        from . import policy

        register(Area("Survei IKM", "survey:report", policy.can_read_report, order=60))

        from visits.reports.pdf import register_section

        from .pdf import ikm_section

        register_section(ikm_section)  # the IKM summary in the monthly SOP pack

        from django.db.models.signals import post_save

        from offices.models import Office

        from .starting import start_office

        post_save.connect(start_office, sender=Office, dispatch_uid="survey_start_office")
