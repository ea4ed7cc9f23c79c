"""One-time links for school staff: an invitation to make an account, or a new password.

The app sends no e-mail: a superuser makes a link, sees it once, and passes it on. Only a
hash of the link's secret is stored, so a copy of the database opens no account. A link
works for LINK_DAYS days, and once.
"""
import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import StaffInvite

LINK_DAYS = 7
# The page each kind of link opens.
URL_NAMES = {StaffInvite.INVITE: "wizard:staff_invite", StaffInvite.RESET: "wizard:staff_reset"}


class LinkUnusable(Exception):
    """The link cannot be used; ``reason`` is "unknown", "used" or "expired"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def account_name(email):
    """The username of the account an invitation makes: the e-mail address, in lower case."""
    return email.strip().lower()


def account_exists(email):
    return get_user_model().objects.filter(username__iexact=account_name(email)).exists()


def check_no_account(email):
    """An address that already has an account gets no invitation: add it to the school instead."""
    if account_exists(email):
        raise ValidationError(
            _("Er is al een account met dit e-mailadres. Voeg het toe bij de school, onder de medewerkers. Is het wachtwoord vergeten? Maak dan een link voor een nieuw wachtwoord."),
            code="account_exists",
        )


def issue(invite, created_by):
    """Save a new link and return its secret, which is stored nowhere: show it once."""
    token = secrets.token_urlsafe(32)
    invite.token_hash = _hash(token)
    invite.created_by = created_by
    invite.expires_at = timezone.now() + timedelta(days=LINK_DAYS)
    invite.save()
    return token


def new_invite(email, school):
    """An unsaved invitation for a new staff account that will manage ``school``; see issue()."""
    check_no_account(email)
    return StaffInvite(kind=StaffInvite.INVITE, email=account_name(email), school=school)


def new_reset(user):
    """An unsaved new-password link for an existing account; see issue()."""
    return StaffInvite(kind=StaffInvite.RESET, email=user.email or user.get_username(), user=user)


def make_invite(email, school, created_by):
    """(invite, secret) for a new staff account that will manage ``school``."""
    invite = new_invite(email, school)
    return invite, issue(invite, created_by)


def make_reset(user, created_by):
    """(invite, secret) for a new password for an existing account."""
    invite = new_reset(user)
    return invite, issue(invite, created_by)


def link_for(request, invite, token):
    return request.build_absolute_uri(reverse(URL_NAMES[invite.kind], args=[token]))


def find_link(token, kind):
    """The open link of this kind for ``token``; LinkUnusable says why there is none."""
    invite = StaffInvite.objects.select_related("school", "user").filter(token_hash=_hash(token), kind=kind).first()
    if invite is None:
        raise LinkUnusable("unknown")
    if invite.state != "open":
        raise LinkUnusable(invite.state)
    return invite


def new_account(invite):
    """The unsaved account an invitation makes, for checking a password against its name."""
    name = account_name(invite.email)
    return get_user_model()(username=name, email=name, is_staff=True)


def _use(invite):
    # One UPDATE that only an open link passes: two tabs sending the form at once cannot
    # both use it. Call inside a transaction, so a failure after it leaves the link open.
    now = timezone.now()
    if not StaffInvite.objects.filter(pk=invite.pk, used_at__isnull=True, expires_at__gt=now).update(used_at=now):
        raise LinkUnusable("used")
    invite.used_at = now


@transaction.atomic
def accept_invite(invite, password):
    """Make the staff account with this (validated) password; it manages the invitation's school.

    No model permissions: being one of the school's staff is what lets it in (wizard/schools.py).
    """
    _use(invite)
    user = new_account(invite)
    user.set_password(password)
    user.save()
    invite.school.staff.add(user)
    return user


@transaction.atomic
def reset_password(invite, password):
    """Give the account this (validated) password. Its other sessions end: Django checks a
    hash of the password on every request."""
    _use(invite)
    user = invite.user
    user.set_password(password)
    user.save(update_fields=["password"])
    return user
