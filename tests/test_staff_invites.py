"""One-time links for staff (wizard/invites.py), without HTTP: made, stored as a hash, used once, expired."""
import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from wizard import invites
from wizard.models import StaffInvite

pytestmark = pytest.mark.django_db


def test_only_a_hash_of_the_link_is_stored(demo_school, admin_user):
    invite, token = invites.make_invite("Juf@Voorbeeldschool.invalid", demo_school, admin_user)
    assert len(token) >= 43  # 32 random bytes
    assert invite.token_hash == hashlib.sha256(token.encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {StaffInvite._meta.db_table}")
        stored = [str(value) for row in cursor.fetchall() for value in row]
    assert stored and not any(token in value for value in stored)
    assert invite.email == "juf@voorbeeldschool.invalid"
    assert invite.expires_at - timezone.now() == pytest.approx(timedelta(days=7), abs=timedelta(seconds=5))


def test_each_link_has_its_own_secret(demo_school, admin_user):
    tokens = {invites.make_invite(f"juf{n}@voorbeeldschool.invalid", demo_school, admin_user)[1] for n in range(5)}
    assert len(tokens) == 5


def test_an_invitation_makes_a_staff_account_for_that_school_only_once(demo_school, admin_user):
    invite, token = invites.make_invite("juf@voorbeeldschool.invalid", demo_school, admin_user)
    user = invites.accept_invite(invites.find_link(token, StaffInvite.INVITE), "een-lang-wachtwoord-9")
    assert (user.username, user.email) == ("juf@voorbeeldschool.invalid", "juf@voorbeeldschool.invalid")
    assert user.is_staff and user.is_active and not user.is_superuser
    assert not user.user_permissions.exists() and not user.groups.exists()
    assert user.check_password("een-lang-wachtwoord-9")
    assert list(user.schools.all()) == [demo_school]
    with pytest.raises(invites.LinkUnusable) as used:
        invites.find_link(token, StaffInvite.INVITE)
    assert used.value.reason == "used"
    # Also a form that was opened before the link was used cannot use it again.
    with pytest.raises(invites.LinkUnusable):
        invites.accept_invite(invite, "nog-een-wachtwoord-9")


def test_a_link_works_for_seven_days(demo_school, admin_user, monkeypatch):
    _invite, token = invites.make_invite("juf@voorbeeldschool.invalid", demo_school, admin_user)
    later = timezone.now() + timedelta(days=7)
    monkeypatch.setattr(timezone, "now", lambda: later - timedelta(minutes=1))
    invite = invites.find_link(token, StaffInvite.INVITE)
    monkeypatch.setattr(timezone, "now", lambda: later + timedelta(minutes=1))
    with pytest.raises(invites.LinkUnusable) as expired:
        invites.find_link(token, StaffInvite.INVITE)
    assert expired.value.reason == "expired"
    # A form opened just before the end cannot be sent just after it.
    with pytest.raises(invites.LinkUnusable):
        invites.accept_invite(invite, "een-lang-wachtwoord-9")
    assert not demo_school.staff.exists()


@pytest.mark.parametrize("token", ["", "bestaat-niet", "x" * 43])
def test_an_unknown_secret_finds_nothing(demo_school, admin_user, token):
    invites.make_invite("juf@voorbeeldschool.invalid", demo_school, admin_user)
    with pytest.raises(invites.LinkUnusable) as unknown:
        invites.find_link(token, StaffInvite.INVITE)
    assert unknown.value.reason == "unknown"


def test_an_invitation_is_no_new_password_link_and_the_other_way_round(demo_school, admin_user):
    _invite, invite_token = invites.make_invite("juf@voorbeeldschool.invalid", demo_school, admin_user)
    _reset, reset_token = invites.make_reset(admin_user, admin_user)
    for token, kind in [(invite_token, StaffInvite.RESET), (reset_token, StaffInvite.INVITE)]:
        with pytest.raises(invites.LinkUnusable):
            invites.find_link(token, kind)


def test_an_address_with_an_account_gets_no_invitation(demo_school, admin_user, django_user_model):
    django_user_model.objects.create_user("juf@voorbeeldschool.invalid", is_staff=True)
    with pytest.raises(ValidationError, match="Er is al een account met dit e-mailadres"):
        invites.make_invite("JUF@voorbeeldschool.invalid", demo_school, admin_user)
    assert not StaffInvite.objects.exists()


def test_a_new_password_link_sets_the_password_once(demo_school, admin_user, django_user_model):
    staff = django_user_model.objects.create_user("meester@voorbeeldschool.invalid", password="oud-wachtwoord-77", is_staff=True)
    _invite, token = invites.make_reset(staff, admin_user)
    user = invites.reset_password(invites.find_link(token, StaffInvite.RESET), "nieuw-wachtwoord-88")
    assert user == staff
    staff.refresh_from_db()
    assert staff.check_password("nieuw-wachtwoord-88") and not staff.check_password("oud-wachtwoord-77")
    with pytest.raises(invites.LinkUnusable):
        invites.find_link(token, StaffInvite.RESET)
