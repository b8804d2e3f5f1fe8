"""Who may do what in the survey app. Guests answer without an account; the rest is for the office."""

from visits import policy as visits_policy

require = visits_policy.require


def can_read_report(user) -> bool:
    """The IKM report is a management report, read by those who read the SOP reports."""
    return visits_policy.can_read_reports(user)


def can_show_invitation(user) -> bool:
    """The front desk shows the guest the survey link (slip, see-out screen on a tablet)."""
    return visits_policy.can_front_desk(user)


def can_plan_follow_up(user) -> bool:
    """The rencana tindak lanjut of the SKM is written and followed by pimpinan."""
    return user is not None and user.is_authenticated and user.has_perm("survey.add_followupplan")
