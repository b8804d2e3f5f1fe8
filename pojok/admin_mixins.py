"""Two kinds of admin page the apps share: a record nobody may alter, and a one-row settings page."""


class ReadOnlyAdminMixin:
    """A record kept as written (a visit's history, an audit log): read, never added, edited or removed,
    not even by a superuser."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SingletonAdminMixin:
    """Settings kept in one row (offices.tenancy.OfficeSettings: one per office): added once, then only edited."""

    def has_add_permission(self, request):
        return not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
