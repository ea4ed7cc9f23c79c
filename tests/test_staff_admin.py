"""The admin as staff meet it: Dutch wording, links to the share page and a preview, no 500s; and
the superuser's pages that make invitation and new-password links."""
import hashlib
import re
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wizard.models import Draft, StaffInvite

from .conftest import logged_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(demo_school):
    return logged_in_staff(demo_school, "juf@voorbeeldschool.invalid")[0]


@pytest.mark.parametrize("object_id", ["not-a-uuid", "123", "%20", str(uuid.uuid4())])
def test_view_on_site_with_an_id_the_model_cannot_hold_is_a_404_not_a_500(staff_client, object_id):
    drafts = ContentType.objects.get_for_model(Draft)
    response = staff_client.get(f"/beheer/r/{drafts.pk}/{object_id}/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_view_on_site_still_needs_a_staff_login(client, db):
    drafts = ContentType.objects.get_for_model(Draft)
    response = client.get(f"/beheer/r/{drafts.pk}/not-a-uuid/")
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")


def test_the_share_page_has_the_staff_footer_not_the_parents_one(staff_client, demo_school):
    html = staff_client.get(reverse("wizard:school_share", args=[demo_school.slug])).content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "Wis mijn gegevens" not in html
    assert "Uw antwoorden blijven" not in footer
    assert "Dit deel van Pestgesprek is voor medewerkers van scholen." in footer
    assert f'href="{reverse("admin:index")}"' in footer


def test_the_share_page_has_copy_buttons_that_stay_hidden_without_javascript(staff_client, demo_school):
    html = staff_client.get(reverse("wizard:school_share", args=[demo_school.slug])).content.decode()
    buttons = re.findall(r"<button [^>]*data-copy=\"([\w-]+)\"[^>]*>", html)
    assert buttons == ["school-link", "schoolgids-text"]
    for button in re.findall(r"<button [^>]*data-copy=[^>]*>", html):
        assert button.endswith(" hidden>"), button
        assert 'data-copied="Gekopieerd"' in button
    for target in buttons:
        assert f'id="{target}"' in html
        assert f'<span class="copy-status" id="{target}-status" role="status"></span>' in html
    # The link breaks after a slash on a phone, not inside the school's name.
    assert "http://<wbr>testserver/<wbr>s/<wbr>voorbeeldschool/</a>" in html


def test_the_school_change_form_links_to_the_share_page_and_what_parents_see(staff_client, demo_school):
    html = staff_client.get(reverse("admin:wizard_school_change", args=[demo_school.pk])).content.decode()
    assert f'<a href="{reverse("wizard:school_share", args=[demo_school.slug])}">Link en QR-code delen</a>' in html
    assert f'<a href="{reverse("wizard:school", args=[demo_school.slug])}">Bekijk wat ouders zien</a>' in html
    assert "<h1>Gegevens van de school aanpassen</h1>" in html
    assert "zien deze namen en links in hun voorbereiding" in html


def test_the_admin_speaks_to_staff_in_their_words(staff_client):
    assert "<h1>Kies wat u wilt aanpassen</h1>" in staff_client.get(reverse("admin:index")).content.decode()
    assert "<h1>Kies een school</h1>" in staff_client.get(reverse("admin:wizard_school_changelist")).content.decode()


def test_staff_log_in_with_their_e_mail_address_even_with_a_capital(client, demo_school, django_user_model):
    django_user_model.objects.create_user("juf@voorbeeldschool.invalid", password="een-lang-wachtwoord-9", is_staff=True)
    login = reverse("admin:login")
    assert "E-mailadres" in client.get(login).content.decode()
    wrong = client.post(login, {"username": "juf@voorbeeldschool.invalid", "password": "fout"})
    assert "Het e-mailadres of het wachtwoord klopt niet." in wrong.content.decode()
    right = client.post(login, {"username": "Juf@voorbeeldschool.invalid ", "password": "een-lang-wachtwoord-9"})
    assert right.status_code == 302


INVITES = "/beheer/wizard/staffinvite/"


def _link_on(response):
    return re.search(r'id="staff-link">([^<]+(?:<wbr>[^<]+)*)</strong>', response.content.decode()).group(1).replace("<wbr>", "")


def test_a_superuser_invites_staff_and_sees_the_link_once(admin_client, demo_school):
    response = admin_client.post(f"{INVITES}add/", {"email": "Nieuw@Voorbeeldschool.invalid", "school": demo_school.pk})
    assert response.status_code == 200
    link = _link_on(response)
    assert link.startswith("http://testserver/beheer-uitnodiging/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    invite = StaffInvite.objects.get()
    assert (invite.kind, invite.email, invite.school) == ("invite", "nieuw@voorbeeldschool.invalid", demo_school)
    assert invite.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert invite.created_by.username == "admin"
    assert "no-store" in response["Cache-Control"]
    assert 'data-copy="staff-link"' in response.content.decode()
    # Never again: not in the list, not on the link's own page.
    for page in (INVITES, f"{INVITES}{invite.pk}/change/"):
        html = admin_client.get(page).content.decode()
        assert "nieuw@voorbeeldschool.invalid" in html
        assert token not in html and invite.token_hash not in html


def test_a_superuser_cannot_invite_an_address_that_has_an_account(admin_client, demo_school, django_user_model):
    django_user_model.objects.create_user("juf@voorbeeldschool.invalid", is_staff=True)
    response = admin_client.post(f"{INVITES}add/", {"email": "juf@voorbeeldschool.invalid", "school": demo_school.pk})
    assert "Er is al een account met dit e-mailadres." in response.content.decode()
    assert not StaffInvite.objects.exists()


def test_an_invitation_needs_a_school(admin_client, demo_school):
    admin_client.post(f"{INVITES}add/", {"email": "nieuw@voorbeeldschool.invalid"})
    assert not StaffInvite.objects.exists()


def test_a_superuser_makes_a_new_password_link_for_a_staff_member(admin_client, demo_school, django_user_model):
    staff = django_user_model.objects.create_user("meester@voorbeeldschool.invalid", is_staff=True)
    form = admin_client.get(f"{INVITES}add/?soort=nieuw-wachtwoord").content.decode()
    assert "Maak een link voor een nieuw wachtwoord" in form and 'name="user"' in form and 'name="email"' not in form
    response = admin_client.post(f"{INVITES}add/?soort=nieuw-wachtwoord", {"user": staff.pk})
    assert _link_on(response).startswith("http://testserver/beheer-nieuw-wachtwoord/")
    invite = StaffInvite.objects.get()
    assert (invite.kind, invite.user, invite.email) == ("reset", staff, "meester@voorbeeldschool.invalid")


def test_staff_who_are_no_superuser_cannot_make_links(staff_client, demo_school, django_user_model):
    staff = django_user_model.objects.get(username="juf@voorbeeldschool.invalid")
    # Not even when someone gave the account the model's permissions.
    staff.user_permissions.set(Permission.objects.filter(codename__endswith="_staffinvite"))
    assert staff_client.get(INVITES).status_code == 403
    assert staff_client.get(f"{INVITES}add/").status_code == 403
    response = staff_client.post(f"{INVITES}add/", {"email": "nieuw@voorbeeldschool.invalid", "school": demo_school.pk})
    assert response.status_code == 403
    assert staff_client.post(f"{INVITES}add/?soort=nieuw-wachtwoord", {"user": staff.pk}).status_code == 403
    assert not StaffInvite.objects.exists()
    assert "staffinvite" not in staff_client.get(reverse("admin:index")).content.decode()
