"""The office's roles as Django groups, and the permissions each one carries.

Groups are created (and their permissions reset to this table) after every migrate, so a
fresh production database has them without loading demo data.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

PETUGAS = "Petugas"
KASUBBAG = "Kasubbag Umum"
STAF = "Staf Bidang"
PIMPINAN = "Pimpinan"
ADMIN = "Admin"
KABUPATEN = "Kabupaten"  # Inspektorat and Sekretariat Daerah: every office's figures, no office of their own

FRONT_DESK_PERM = "visits.record_front_desk"
ROUTE_PERM = "visits.route_visit"
CONSULT_PERM = "visits.consult_visit"
REPORT_PERM = "visits.view_sop_report"

_MASTER_DATA = [
    ("pojok", "user"),
    ("routing", "bidang"),
    ("visits", "sopstep"),
    ("visits", "instansi"),
    ("visits", "documenttype"),
    ("routing", "topic"),
    ("visits", "reportsettings"),
    ("survey", "unsur"),
    ("lobby", "device"),
    ("privacy", "privacysetting"),
    ("presence", "presence"),
    ("visits", "arrivalrule"),
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    PETUGAS: [FRONT_DESK_PERM],
    KASUBBAG: [ROUTE_PERM],
    STAF: [CONSULT_PERM],
    PIMPINAN: [REPORT_PERM, "auditlog.view_logentry", "survey.add_followupplan", "survey.change_followupplan"],
    ADMIN: [REPORT_PERM, "auth.view_group", "visits.view_visit", "visits.view_visitevent"]
    + ["notifications.view_notification", "notifications.change_notification"]
    + ["survey.view_response", "survey.change_response", "survey.view_invitation", "survey.change_invitation"]
    + [f"{app}.{action}_{model}" for app, model in _MASTER_DATA for action in ("add", "change", "view", "delete")]
    + ["audit.view_loginevent", "axes.view_accessattempt", "axes.delete_accessattempt", "auditlog.view_logentry"]
    + ["privacy.handle_guest_data", "privacy.view_personaldatalog"]
    + ["routing.view_learnedmodel", "routing.view_keywordproposal", "routing.change_keywordproposal"]
    + ["offices.view_office", "offices.change_office"],  # their own office's details (offices/admin.py)
    KABUPATEN: ["offices.view_every_office"],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def sync_roles() -> None:
    for name, dotted_perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(p) for p in dotted_perms])


def sync_after_migrate(sender, using="default", verbosity=1, apps=global_apps, **kwargs) -> None:
    # Permissions of every app must exist before groups can point at them; Django creates them
    # app by app in the same signal, so make sure of all of them first.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles()


def role_names(user) -> list[str]:
    return list(user.groups.values_list("name", flat=True))
