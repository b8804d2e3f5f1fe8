"""Who may handle one guest's personal data: the administrator (staff with the Admin role)."""

from django.core.exceptions import PermissionDenied

HANDLE_PERM = "privacy.handle_guest_data"


def can_handle_guest_data(user) -> bool:
    return user is not None and user.is_authenticated and user.is_staff and user.has_perm(HANDLE_PERM)


def require_guest_data(user) -> None:
    if not can_handle_guest_data(user):
        raise PermissionDenied
