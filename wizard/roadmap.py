"""The roadmap "Als het niet goed loopt": who to turn to, in order, fitted to a draft's answers."""
from dataclasses import dataclass, field, replace

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import SupportContact


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    when: str
    bring: str = ""
    person: str = ""
    contact: str = ""
    website: str = ""
    website_href: str = ""
    link: str = ""
    link_href: str = ""
    reason: str = ""


@dataclass
class Roadmap:
    first: list = field(default_factory=list)
    inside: list = field(default_factory=list)
    outside: list = field(default_factory=list)
    too_little: list = field(default_factory=list)
    for_child: list = field(default_factory=list)
    school: object = None

    def keys(self, section):
        return [item.key for item in getattr(self, section)]


# Each rule: (applies to these facts, the items it moves to the top, why, in one B1 sentence).
RULES = [
    (
        lambda facts: facts.physical_violence,
        ["politie"],
        gettext_lazy("U schreef dat uw kind is geslagen, geschopt of geduwd. Dat is geweld. Daarvan kunt u aangifte doen."),
    ),
    (
        lambda facts: facts.avoids_school,
        ["leerplichtambtenaar"],
        gettext_lazy("Uw kind wil niet naar school of blijft thuis. De leerplichtambtenaar kan helpen om dat op te lossen."),
    ),
    (
        lambda facts: facts.body_complaints,
        ["jeugdarts", "huisarts"],
        gettext_lazy("Uw kind heeft last van het lichaam, zoals pijn of slecht slapen. Laat een arts meekijken."),
    ),
]


def _school_role(school, role, key, title, when, bring):
    name, contact = school.person(role) if school else ("", "")
    return Item(key, title, when, bring, person=name, contact=contact)


def _contact(contacts, key):
    contact = contacts.get(key)
    if contact is None:
        return None
    return Item(
        key,
        contact.name,
        contact.when_it_helps,
        contact.what_to_bring,
        contact=contact.published_phone,
        **_website(contact),
    )


def _contacts(contacts, *keys):
    """The items for these support contacts, in this order, leaving out any not in the database."""
    return [item for item in (_contact(contacts, key) for key in keys) if item is not None]


def _website(contact):
    """The contact's website as shown, and a link through our own origin (see views.outbound_contact)."""
    if contact is None:
        return {}
    href = reverse("wizard:outbound_contact", args=[contact.key]) if contact.website_url else ""
    return {"website": contact.website, "website_href": href}


def _school_link(school, name):
    """One of the school's own links as shown, and a link through our own origin."""
    if school is None or not school.link(name):
        return {}
    return {"link": school.link(name), "link_href": reverse("wizard:outbound_school", args=[school.slug, name])}


def build_roadmap(answers=None, school=None):
    """The ladder inside school, outside help and what to do when the school does too little.

    ``answers`` (wizard.answers.Answers) fits it to a draft; without, it is the general ladder.
    """
    school = school or (answers.school if answers is not None else None)
    contacts = {contact.key: contact for contact in SupportContact.objects.all()}
    bring_log = _("Neem uw lijstje met voorvallen mee.")
    inside = [
        Item(
            "leerkracht",
            _("De leerkracht"),
            _("Begin altijd hier. De leerkracht ziet uw kind elke dag en kan het snelst iets doen."),
            bring_log,
            person=answers.partner_name("leerkracht") if answers is not None else "",
        ),
        _school_role(
            school, "aanspreekpunt", "aanspreekpunt", _("Het aanspreekpunt pesten"),
            _("Als de leerkracht niet genoeg doet, of als u liever met iemand anders praat."),
            _("Neem mee wat er gebeurde en wat de leerkracht al deed."),
        ),
        Item(
            "mentor",
            _("De mentor"),
            _("Op de middelbare school is de mentor de eerste persoon voor u en uw kind."),
            bring_log,
            person=answers.partner_name("mentor") if answers is not None else "",
        ),
        _school_role(
            school, "vertrouwenspersoon", "vertrouwenspersoon", _("De vertrouwenspersoon"),
            _("Als u in vertrouwen wilt praten, en niet weet hoe het verder moet."),
            _("Neem uw lijstje mee en vertel met wie u al praatte."),
        ),
        _school_role(
            school, "zorgcoordinator", "zorgcoordinator", _("De zorgcoördinator"),
            _("Als uw kind extra hulp of zorg nodig heeft op school."),
            _("Neem mee wat u thuis aan uw kind merkt."),
        ),
    ]
    external = _school_role(
        school, "externe_vertrouwenspersoon", "externe-vertrouwenspersoon", _("De externe vertrouwenspersoon"),
        _("Werkt niet voor de school, maar kent de school goed. U kunt in vertrouwen uw verhaal doen. Samen kijkt u hoe de school in actie komt."),
        _("Neem uw lijstje mee en vertel wat de school al deed. Naam en adres staan in de schoolgids."),
    )
    outside = [
        replace(external, **_school_link(school, "schoolgids")),
        *_contacts(contacts, "jeugdarts", "vertrouwensinspecteur", "leerplichtambtenaar", "kinderombudsman", "huisarts"),
    ]
    complaints = contacts.get("klachtencommissie")
    too_little = [
        _school_role(
            school, "pestcoordinator", "pestcoordinator", _("De coördinator van het pestbeleid"),
            _("Als u het niet eens bent met hoe de school het pesten aanpakt."),
            _("Neem mee wat u al heeft gedaan, met wie en wanneer."),
        ),
        Item(
            "mr",
            _("De ouders in de medezeggenschapsraad (MR)"),
            _("De MR moet instemmen met het veiligheidsbeleid van de school. De ouders in de MR kunnen het beleid dus mee veranderen."),
            _("Vertel wat er mis gaat, zonder namen van kinderen."),
        ),
        Item(
            "klachtenregeling",
            _("Een klacht indienen"),
            _("Komt u er met de school niet uit? Dien dan een klacht in volgens de klachtenregeling uit de schoolgids. Meestal gaat die eerst naar het schoolbestuur. U kunt ook naar een onafhankelijke, landelijke klachtencommissie."),
            _("Schrijf op wat er gebeurde, wat de school deed, en wat u wilt."),
            **_school_link(school, "klachtenregeling"),
            **_website(complaints),
        ),
        *_contacts(contacts, "onderwijsinspectie", "politie"),
    ]
    roadmap = Roadmap(
        inside=inside,
        outside=outside,
        too_little=too_little,
        for_child=_contacts(contacts, "kindertelefoon"),
        school=school,
    )
    if answers is not None:
        _apply_rules(roadmap, answers.facts)
    return roadmap


def _apply_rules(roadmap, facts):
    """Move the items that the answers make urgent to the top, and say why."""
    for applies, keys, reason in RULES:
        if not applies(facts):
            continue
        for key in keys:
            for section in ("inside", "outside", "too_little"):
                items = getattr(roadmap, section)
                for item in list(items):
                    if item.key == key:
                        items.remove(item)
                        roadmap.first.append(replace(item, reason=reason))
