"""The roadmap "Als het niet goed loopt": the seed's ladder, and every fitting rule."""
import pytest
from django.urls import reverse

from wizard.answers import Answers
from wizard.models import Draft, SupportContact
from wizard.roadmap import build_roadmap

from .conftest import incident_rows

pytestmark = pytest.mark.django_db


def _answers(signs=(), physical="nee", topic="pesten"):
    return Answers(Draft(
        answers={
            "about": {"topic": topic},
            "incidents": {**incident_rows({"what": "Iets", "physical": physical}), "signs": list(signs)},
        }
    ))


def test_without_worrying_answers_the_ladder_follows_the_seed(support_contacts):
    roadmap = build_roadmap(_answers())
    assert roadmap.first == []
    assert roadmap.keys("inside") == ["leerkracht", "aanspreekpunt", "mentor", "vertrouwenspersoon", "zorgcoordinator"]
    assert roadmap.keys("outside") == [
        "externe-vertrouwenspersoon",
        "jeugdarts",
        "vertrouwensinspecteur",
        "leerplichtambtenaar",
        "kinderombudsman",
        "huisarts",
    ]
    assert roadmap.keys("too_little") == ["pestcoordinator", "mr", "klachtenregeling", "onderwijsinspectie", "politie"]


def test_every_item_says_when_it_helps(support_contacts):
    roadmap = build_roadmap(_answers())
    for item in [*roadmap.inside, *roadmap.outside, *roadmap.too_little, *roadmap.for_child]:
        assert item.when, item.key


def test_physical_violence_puts_aangifte_at_the_top(support_contacts):
    roadmap = build_roadmap(_answers(physical="ja"))
    assert roadmap.keys("first") == ["politie"]
    assert "politie" not in roadmap.keys("too_little")
    assert "geslagen, geschopt of geduwd" in roadmap.first[0].reason


@pytest.mark.parametrize("sign", ["blijft-thuis", "wil-niet-naar-school"])
def test_a_child_that_stays_home_brings_the_leerplichtambtenaar_forward(support_contacts, sign):
    roadmap = build_roadmap(_answers(signs=[sign]))
    assert roadmap.keys("first") == ["leerplichtambtenaar"]
    assert "leerplichtambtenaar" not in roadmap.keys("outside")


@pytest.mark.parametrize("sign", ["hoofdpijn-buikpijn", "slaapt-slecht"])
def test_body_complaints_bring_the_jeugdarts_and_huisarts_forward(support_contacts, sign):
    roadmap = build_roadmap(_answers(signs=[sign]))
    assert roadmap.keys("first") == ["jeugdarts", "huisarts"]


def test_rules_combine_in_a_fixed_order(support_contacts):
    roadmap = build_roadmap(_answers(signs=["blijft-thuis", "hoofdpijn-buikpijn"], physical="ja"))
    assert roadmap.keys("first") == ["politie", "leerplichtambtenaar", "jeugdarts", "huisarts"]


def test_the_kindertelefoon_is_there_for_the_child_itself(support_contacts):
    roadmap = build_roadmap(_answers())
    assert [item.key for item in roadmap.for_child] == ["kindertelefoon"]
    assert "Voor uw kind zelf" in _page(roadmap)


def test_answers_on_the_routine_track_do_not_fit_the_roadmap(support_contacts):
    assert build_roadmap(_answers(physical="ja", topic="rapport")).first == []


def test_only_checked_or_seed_phone_numbers_are_published(support_contacts):
    assert SupportContact.objects.get(key="vertrouwensinspecteur").published_phone.startswith("0900-111 3 111")
    assert SupportContact.objects.get(key="kenniscentrum-pesten").published_phone == "084-8340086"
    ombudsman = SupportContact.objects.get(key="kinderombudsman")
    assert ombudsman.phone and ombudsman.published_phone == ""
    items = {item.key: item for item in build_roadmap(_answers()).outside}
    assert items["kinderombudsman"].contact == ""
    assert items["kinderombudsman"].website_href == "/naar/kinderombudsman/"
    assert items["leerplichtambtenaar"].website_href == ""


def test_links_to_other_sites_go_through_our_own_origin(client, demo_school):
    assert client.get("/naar/kinderombudsman/")["Location"] == "https://kinderombudsman.nl"
    assert client.get("/naar/leerplichtambtenaar/").status_code == 404
    assert client.get("/naar/bestaat-niet/").status_code == 404
    school = "/s/voorbeeldschool/naar/"
    assert client.get(school + "klachtenregeling/")["Location"] == "https://voorbeeldschool.invalid/klachtenregeling"
    assert client.get(school + "pestprotocol/")["Location"] == "https://voorbeeldschool.invalid/pestprotocol"
    assert client.get(school + "staff/").status_code == 404
    demo_school.protocol_url = ""
    demo_school.save()
    assert client.get(school + "pestprotocol/").status_code == 404


def test_the_roadmap_page_shows_the_ladder_and_credits_the_source(client, support_contacts):
    html = client.get(reverse("wizard:roadmap")).content.decode()
    assert "Als het niet goed loopt" in html
    assert html.index("De leerkracht") < html.index("Het aanspreekpunt pesten") < html.index("De zorgcoördinator")
    assert "0900-111 3 111" in html
    assert "0800-876 54 32" not in html
    assert "Kenniscentrum Pesten" in html


def _page(roadmap):
    from django.template.loader import render_to_string

    return render_to_string("wizard/_roadmap.html", {"roadmap": roadmap})
