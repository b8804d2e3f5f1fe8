"""Who may set the day's arrangement (the Kasubbag Umum and the admin) and who marks themselves (staff)."""

from pojok.roles import CONSULT_PERM, ROUTE_PERM


def can_arrange(user) -> bool:
    return user is not None and user.is_authenticated and (
        user.has_perm(ROUTE_PERM) or user.has_perm("presence.change_presence"))


def can_mark_self(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(CONSULT_PERM) and user.bidang_id is not None
