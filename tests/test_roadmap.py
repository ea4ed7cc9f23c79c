"""The roadmap "Als het niet goed loopt": the seed's ladder, and every fitting rule."""
import pytest
from django.urls import reverse

from wizard import steps
from wizard.answers import Answers
from wizard.models import Draft, SupportContact
from wizard.roadmap import build_roadmap

from .conftest import incident_rows

pytestmark = pytest.mark.django_db


def _answers(signs=(), physical="nee", topic="pesten", about=None):
    return Answers(Draft(
        answers={
            "about": {"topic": topic, **(about or {})},
            "incidents": {**incident_rows({"what": "Iets", "physical": physical}), "signs": list(signs)},
        }
    ))


SEED_INSIDE = ["leerkracht", "aanspreekpunt", "mentor", "vertrouwenspersoon", "zorgcoordinator"]
SEED_OUTSIDE = ["externe-vertrouwenspersoon", "jeugdarts", "vertrouwensinspecteur", "leerplichtambtenaar", "kinderombudsman", "huisarts"]
SEED_TOO_LITTLE = ["pestcoordinator", "mr", "klachtenregeling", "onderwijsinspectie", "politie"]


def _assert_seed_order(roadmap):
    assert roadmap.keys("inside") == SEED_INSIDE
    assert roadmap.keys("outside") == SEED_OUTSIDE
    assert roadmap.keys("too_little") == SEED_TOO_LITTLE


def test_without_worrying_answers_the_ladder_follows_the_seed(support_contacts):
    roadmap = build_roadmap(_answers())
    assert roadmap.fits == []
    _assert_seed_order(roadmap)


def test_every_item_says_when_it_helps(support_contacts):
    roadmap = build_roadmap(_answers())
    for item in roadmap.items():
        assert item.when, item.key


def test_physical_violence_fits_aangifte_and_keeps_the_ladder_in_order(support_contacts):
    roadmap = build_roadmap(_answers(physical="ja"))
    assert roadmap.fit_keys() == ["politie"]
    assert "geslagen, geschopt of geduwd" in roadmap.fits[0].reason
    _assert_seed_order(roadmap)
    page = _page(roadmap)
    assert "Past bij wat u vertelde" in page
    assert 'href="#hulp-politie"' in page and 'id="hulp-politie"' in page
    assert "geslagen, geschopt of geduwd" in page


@pytest.mark.parametrize("sign", ["blijft-thuis", "moeilijk-naar-school"])
def test_a_child_that_stays_home_fits_the_leerplichtambtenaar(support_contacts, sign):
    roadmap = build_roadmap(_answers(signs=[sign]))
    assert roadmap.fit_keys() == ["leerplichtambtenaar"]
    assert "thuis blijft, of heel moeilijk naar school gaat" in roadmap.fits[0].reason
    _assert_seed_order(roadmap)


def test_not_wanting_to_go_to_school_alone_does_not_bring_the_leerplichtambtenaar(support_contacts):
    assert build_roadmap(_answers(signs=["wil-niet-naar-school"])).fits == []


@pytest.mark.parametrize("sign", ["hoofdpijn-buikpijn", "slaapt-slecht"])
def test_body_complaints_fit_the_jeugdarts_and_huisarts(support_contacts, sign):
    roadmap = build_roadmap(_answers(signs=[sign]))
    assert roadmap.fit_keys() == ["jeugdarts", "huisarts"]
    assert "last heeft van het lichaam" in roadmap.fits[0].reason


def test_rules_combine_in_a_fixed_order(support_contacts):
    roadmap = build_roadmap(_answers(signs=["blijft-thuis", "hoofdpijn-buikpijn"], physical="ja"))
    assert roadmap.fit_keys() == ["politie", "leerplichtambtenaar", "jeugdarts", "huisarts"]
    _assert_seed_order(roadmap)


def test_the_kindertelefoon_is_there_for_the_child_itself(support_contacts):
    roadmap = build_roadmap(_answers())
    assert [item.key for item in roadmap.for_child] == ["kindertelefoon"]
    assert "Voor uw kind zelf" in _page(roadmap)


def test_answers_on_the_routine_track_do_not_fit_the_roadmap(support_contacts):
    assert build_roadmap(_answers(physical="ja", topic="rapport")).fits == []


def test_the_first_rung_is_the_teacher_by_name(support_contacts):
    roadmap = build_roadmap(_answers(about={"partner_role": "leerkracht", "partner_name": "juf Sanne"}))
    assert roadmap.inside[0].key == "leerkracht" and roadmap.inside[0].person == "juf Sanne"
    assert roadmap.mentor_first == ""


@pytest.mark.parametrize(
    "about", [{"partner_role": "mentor", "partner_name": "meneer Visser"}, {"school_level": "middelbare-school"}]
)
def test_in_secondary_school_the_first_rung_is_the_mentor_and_the_page_says_why(support_contacts, about):
    roadmap = build_roadmap(_answers(about=about))
    assert roadmap.keys("inside") == ["mentor", "aanspreekpunt", "vertrouwenspersoon", "zorgcoordinator"]
    assert roadmap.inside[0].person == about.get("partner_name", "")
    assert "middelbare school" in roadmap.mentor_first
    assert roadmap.mentor_first in _page(roadmap)


def test_one_incident_with_a_wrong_date_still_counts_for_the_rules(support_contacts):
    draft = Draft(
        answers={
            "about": {"topic": "pesten"},
            "incidents": incident_rows(
                {"date": "2999-01-01", "what": "Geschopt", "physical": "ja"},
                {"date": "2026-11-02", "what": "Uitgescholden", "physical": "nee"},
            ),
        }
    )
    answers = Answers(draft)
    assert answers[steps.INCIDENTS].needs_work
    assert build_roadmap(answers).fit_keys() == ["politie"]


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
