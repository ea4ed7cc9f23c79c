"""Every error a parent can meet is a Dutch page in the site layout, with the right status."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ERRORS = {
    "400": (400, "Dit verzoek klopt niet"),
    "400 unknown host": (400, "Dit verzoek klopt niet"),
    "403": (403, "Dit mag niet"),
    "403 csrf": (403, "De pagina was verlopen"),
    "404": (404, "Deze pagina bestaat niet"),
    "429": (429, "Even wachten"),
    "500": (500, "Er ging iets mis bij ons"),
    "503 pdf too slow": (503, "Uw overzicht is niet gelukt"),
    "503 save failed": (503, "Uw antwoorden zijn nog niet bewaard"),
}


def test_each_error_is_a_dutch_page_in_the_site_layout(every_page):
    for name, (status, title) in ERRORS.items():
        response = every_page[name]
        html = response.content.decode()
        assert response.status_code == status, name
        assert f"<title>{title}" in html or f"<h1>{title}</h1>" in html or f">{title}</h2>" in html, name
        assert '<html lang="nl" dir="ltr">' in html, name
        assert 'class="site-header"' in html and reverse("wizard:privacy") in html, name


def test_the_429_page_says_when_to_try_again(every_page):
    response = every_page["429"]
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    word = "seconde" if seconds == 1 else "seconden"
    assert f"Over {seconds} {word} kunt u het opnieuw proberen." in response.content.decode()
