"""Who may use the routing rules: the suggestion for the desk and triage, the rules for the admin."""

from pojok.roles import FRONT_DESK_PERM, ROUTE_PERM

EDIT_TOPICS_PERM = "routing.change_topic"


def can_ask_suggestion(user) -> bool:
    """The petugas (also when standing in as piket), the Kasubbag Umum and the admin of the topics."""
    return (user is not None and user.is_authenticated
            and any(user.has_perm(perm) for perm in (FRONT_DESK_PERM, ROUTE_PERM, EDIT_TOPICS_PERM)))


def can_try_phrases(user) -> bool:
    return user is not None and user.is_authenticated and user.is_staff and user.has_perm(EDIT_TOPICS_PERM)


def can_decide_proposals(user) -> bool:
    """The admin of the topics: adding a proposed word changes a topic's keywords."""
    return (user is not None and user.is_authenticated and user.is_staff
            and user.has_perm(EDIT_TOPICS_PERM) and user.has_perm("routing.change_keywordproposal"))
