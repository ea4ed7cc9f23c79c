"""Staff accounts over HTTP: an invitation link makes one, a new-password link resets it, each once."""
from datetime import timedelta

import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wizard import invites
from wizard.models import School, StaffInvite

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-9"


@pytest.fixture
def invitation(demo_school, admin_user):
    """The address of a fresh invitation for the demo school."""
    _invite, token = invites.make_invite("juf@voorbeeldschool.invalid", demo_school, admin_user)
    return reverse("wizard:staff_invite", args=[token])


def choose(client, url, password=PASSWORD, again=None):
    return client.post(url, {"new_password1": password, "new_password2": again or password})


def test_the_invitation_page_names_the_school_and_the_address(client, invitation):
    response = client.get(invitation)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Maak uw account voor Pestgesprek" in html
    assert "Voorbeeldschool (demo)" in html and "juf@voorbeeldschool.invalid" in html
    assert 'type="password"' in html and 'autocomplete="new-password"' in html
    assert response["Referrer-Policy"] == "strict-origin"
    assert "no-store" in response["Cache-Control"]


def test_an_invitation_makes_an_account_that_manages_only_that_school(client, invitation, demo_school):
    other = School.objects.create(name="De Andere School", slug="andere")
    response = choose(client, invitation)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:wizard_school_change", args=[demo_school.pk])
    # Logged in straight away, and the school's staff is what lets them in.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Uw account is klaar" in page.content.decode()
    schools = client.get(reverse("admin:wizard_school_changelist")).content.decode()
    assert demo_school.name in schools and other.name not in schools
    assert client.get(reverse("admin:wizard_school_change", args=[other.pk])).status_code in (302, 403, 404)
    # A fresh browser logs in with the address and the chosen password.
    fresh = Client()
    assert fresh.post(reverse("admin:login"), {"username": "juf@voorbeeldschool.invalid", "password": PASSWORD}).status_code == 302
    assert fresh.get(reverse("admin:index")).status_code == 200


def test_an_invitation_works_once(client, invitation):
    choose(client, invitation)
    for again in (Client().get(invitation), choose(Client(), invitation, "nog-een-wachtwoord-9")):
        assert again.status_code == 410
        html = again.content.decode()
        assert "Deze link is al gebruikt" in html
        assert "Vraag de beheerder van Pestgesprek om een nieuwe link." in html
    assert not Client().login(request=HttpRequest(), username="juf@voorbeeldschool.invalid", password="nog-een-wachtwoord-9")


def test_an_invitation_expires_after_seven_days(client, invitation, monkeypatch):
    in_eight_days = timezone.now() + timedelta(days=8)
    monkeypatch.setattr(timezone, "now", lambda: in_eight_days)
    for response in (client.get(invitation), choose(client, invitation)):
        assert response.status_code == 410
        assert "Deze link is verlopen" in response.content.decode()
        assert "Een link werkt 7 dagen." in response.content.decode()
    assert not StaffInvite.objects.filter(used_at__isnull=False).exists()


@pytest.mark.parametrize("path", ["/beheer-uitnodiging/bestaat-niet/", "/beheer-nieuw-wachtwoord/bestaat-niet/"])
def test_an_unknown_link_is_a_friendly_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()


def test_a_weak_or_mistyped_password_is_refused_and_the_link_still_works(client, invitation):
    for password, again, field, message in [
        ("12345678", None, 1, "Dit wachtwoord gebruiken veel mensen."),
        ("98127634539", None, 1, "Dit wachtwoord heeft alleen cijfers."),
        ("juf@voorbeeldschool", None, 1, "Dit wachtwoord lijkt te veel op uw e-mailadres."),
        ("kort", None, 1, "Dit wachtwoord is te kort. Kies minstens 8 tekens."),
        (PASSWORD, "iets-anders-123", 2, "De twee wachtwoorden zijn niet hetzelfde."),
    ]:
        response = choose(client, invitation, password, again)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<title>Fout:" in html and "data-error-summary" in html
        assert f'<p id="id_new_password{field}_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span> {message}' in html
    assert not StaffInvite.objects.filter(used_at__isnull=False).exists()
    assert choose(client, invitation).status_code == 302


def test_a_second_invitation_for_an_address_that_got_an_account_since(client, invitation, demo_school, admin_user):
    _invite, token = invites.make_invite("juf@voorbeeldschool.invalid", demo_school, admin_user)
    choose(client, invitation)
    response = choose(Client(), reverse("wizard:staff_invite", args=[token]))
    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres." in response.content.decode()


def test_a_new_password_link_sets_the_password_once_and_ends_other_sessions(demo_school, admin_user, django_user_model):
    staff = django_user_model.objects.create_user("meester@voorbeeldschool.invalid", password="oud-wachtwoord-77", is_staff=True)
    demo_school.staff.add(staff)
    elsewhere = Client()
    elsewhere.force_login(staff)
    _invite, token = invites.make_reset(staff, admin_user)
    url = reverse("wizard:staff_reset", args=[token])
    assert "Kies een nieuw wachtwoord" in Client().get(url).content.decode()

    client = Client()
    response = choose(client, url, "nieuw-wachtwoord-88")
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    # The session from before the reset is over; the old password no longer works.
    assert elsewhere.get(reverse("admin:index")).status_code == 302
    assert not Client().login(request=HttpRequest(), username="meester@voorbeeldschool.invalid", password="oud-wachtwoord-77")
    assert Client().login(request=HttpRequest(), username="meester@voorbeeldschool.invalid", password="nieuw-wachtwoord-88")
    assert choose(Client(), url, "derde-wachtwoord-99").status_code == 410


def test_an_invitation_link_does_not_open_the_new_password_page(client, invitation):
    token = invitation.rstrip("/").rsplit("/", 1)[1]
    assert client.get(reverse("wizard:staff_reset", args=[token])).status_code == 404


def test_the_login_page_says_who_it_is_for_and_where_to_go_without_a_password(client, db):
    html = client.get(reverse("admin:login")).content.decode()
    assert "Dit is het beheer van Pestgesprek, voor medewerkers van scholen." in html
    assert f'<a href="{reverse("wizard:password_forgotten")}">Wachtwoord vergeten?</a>' in html
    forgotten = client.get(reverse("wizard:password_forgotten")).content.decode()
    assert "Vraag de beheerder van Pestgesprek om een link voor een nieuw wachtwoord." in forgotten
    assert "De link werkt 7 dagen, en maar één keer." in forgotten
    assert "Wis mijn gegevens" not in forgotten
