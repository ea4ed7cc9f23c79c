"""A school's own link, its share page with QR code, and staff who may manage only their own school."""
import io

import pytest
import segno
from django.contrib.auth.models import User
from django.urls import reverse
from PIL import Image

from wizard.models import Draft, School

from .conftest import pdf_words, post_step

pytestmark = pytest.mark.django_db


def test_the_school_page_welcomes_parents_and_starts_the_wizard(client, demo_school):
    response = client.get("/s/voorbeeldschool/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeldschool (demo)" in html
    assert "Begin met de voorbereiding" in html
    assert Draft.objects.count() == 0


def test_a_draft_started_from_the_school_link_remembers_the_school(client, demo_school):
    client.get("/s/voorbeeldschool/")
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    assert Draft.objects.get().school == demo_school


def test_the_school_link_attaches_an_existing_draft(client, demo_school):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    client.get("/s/voorbeeldschool/")
    assert Draft.objects.get().school == demo_school


@pytest.mark.parametrize("url", ["/s/bestaat-niet/", "/s/voorbeeld%20school/", "/s/%00/", "/s/<script>/", "/s/école/"])
def test_an_unknown_or_odd_school_slug_gives_a_friendly_404(client, demo_school, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_the_roadmap_and_pdf_name_the_schools_people(client, demo_school):
    client.get("/s/voorbeeldschool/")
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    roadmap = client.get(reverse("wizard:roadmap")).content.decode()
    assert "Het aanspreekpunt pesten: Juf Fictief (verzonnen)" in roadmap
    assert "aanspreekpunt@voorbeeldschool.invalid" in roadmap
    text = pdf_words(client.get(reverse("wizard:pdf")).content)
    for name in [
        "Het aanspreekpunt pesten: Juf Fictief (verzonnen)",
        "De vertrouwenspersoon: Meester Verzonnen (verzonnen)",
        "De zorgcoördinator: Meneer Proef (verzonnen)",
        "De externe vertrouwenspersoon: Mevrouw Demo (verzonnen)",
        "De coördinator van het pestbeleid: Mevrouw Oefen (verzonnen)",
        "https://voorbeeldschool.invalid/klachtenregeling",
    ]:
        assert name in text, name


def test_a_draft_without_a_school_shows_the_roles_without_names(client, demo_school):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    text = pdf_words(client.get(reverse("wizard:pdf")).content)
    assert "Het aanspreekpunt pesten" in text
    assert "Juf Fictief" not in text


@pytest.fixture
def two_schools(demo_school):
    other = School.objects.create(name="De Andere School", slug="andere", aanspreekpunt_name="Meneer B")
    staff_a = User.objects.create_user("staff-a", password="pw-a-123456", is_staff=True)
    staff_b = User.objects.create_user("staff-b", password="pw-b-123456", is_staff=True)
    demo_school.staff.add(staff_a)
    other.staff.add(staff_b)
    return demo_school, other, staff_a, staff_b


def test_the_share_page_needs_a_login(client, demo_school):
    response = client.get(reverse("wizard:school_share", args=["voorbeeldschool"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_see_the_link_qr_code_and_schoolgids_text_of_their_school(client, two_schools):
    school, _other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    html = client.get(reverse("wizard:school_share", args=[school.slug])).content.decode()
    assert ">http://testserver/s/voorbeeldschool/</a>" in html.replace("<wbr>", "")
    assert "<svg" in html
    assert "Tekst voor de schoolgids" in html
    assert reverse("wizard:school_qr_png", args=[school.slug]) in html


def test_the_qr_code_encodes_the_school_link(client, two_schools):
    school, _other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    response = client.get(reverse("wizard:school_qr_png", args=[school.slug]))
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content)).convert("L")
    expected = segno.make("http://testserver/s/voorbeeldschool/", error="m", micro=False).matrix
    size = len(expected)
    module = image.width / (size + 8)  # border of 4 modules on each side
    read = [
        [image.getpixel((int((4 + col + 0.5) * module), int((4 + row + 0.5) * module))) < 128 for col in range(size)]
        for row in range(size)
    ]
    assert read == [[bool(cell) for cell in row] for row in expected]


def test_staff_of_one_school_cannot_open_anothers_share_page(client, two_schools):
    _school, other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    assert client.get(reverse("wizard:school_share", args=[other.slug])).status_code == 403
    assert client.get(reverse("wizard:school_qr_png", args=[other.slug])).status_code == 403


def test_staff_list_shows_only_their_own_school(client, two_schools):
    school, other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    html = client.get(reverse("admin:wizard_school_changelist")).content.decode()
    assert school.name in html
    assert other.name not in html


def test_staff_cannot_open_another_school_by_url(client, two_schools):
    _school, other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    response = client.get(reverse("admin:wizard_school_change", args=[other.pk]))
    assert response.status_code in (302, 403, 404)
    assert "Meneer B" not in response.content.decode()


def _school_post(school, **changes):
    fields = [f.name for f in School._meta.fields if f.name not in ("id", "slug")]
    data = {name: getattr(school, name) for name in fields}
    return {**data, **changes}


def test_staff_cannot_change_another_school_by_post(client, two_schools):
    _school, other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    client.post(reverse("admin:wizard_school_change", args=[other.pk]), _school_post(other, aanspreekpunt_name="Gehackt"))
    other.refresh_from_db()
    assert other.aanspreekpunt_name == "Meneer B"


def test_staff_can_change_their_own_school_but_not_its_slug_or_staff(client, two_schools):
    school, _other, staff_a, staff_b = two_schools
    client.force_login(staff_a)
    response = client.post(
        reverse("admin:wizard_school_change", args=[school.pk]),
        {**_school_post(school, aanspreekpunt_name="Juf Nieuw"), "slug": "gekaapt", "staff": [staff_b.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    school.refresh_from_db()
    assert school.aanspreekpunt_name == "Juf Nieuw"
    assert school.slug == "voorbeeldschool"
    assert list(school.staff.all()) == [staff_a]


def test_staff_cannot_add_or_delete_schools(client, two_schools):
    school, _other, staff_a, _staff_b = two_schools
    client.force_login(staff_a)
    assert client.get(reverse("admin:wizard_school_add")).status_code == 403
    assert client.post(reverse("admin:wizard_school_delete", args=[school.pk]), {"post": "yes"}).status_code == 403
    assert School.objects.filter(pk=school.pk).exists()


def test_drafts_are_never_in_the_admin(admin_client):
    assert admin_client.get("/beheer/wizard/draft/").status_code == 404
    assert "draft" not in admin_client.get("/beheer/").content.decode().lower()
