"""The roadmap's content: the seed's ladder "Als het niet goed loopt", in the source's own order.

Each rung says who, when it helps and what to bring. A rung for a support contact takes
its texts from the database (fixtures/support_contacts.json); a rung for a person at the
school takes the name from the school's own link. The rules at the end say which rungs
fit what a parent told, and why; they point into the ladder and never reorder it.
"""
from dataclasses import dataclass
from typing import Callable

from django.utils.translation import gettext_lazy as _

BRING_LOG = _("Neem uw lijstje mee met wat er is gebeurd.")


@dataclass(frozen=True)
class Rung:
    key: str
    title: str = ""
    when: str = ""
    bring: str = ""
    # A person at the school (School.person(role)), named when the school's link is known.
    role: str = ""
    # Named after the person the parent talks with, when that person has this role.
    partner_role: str = ""
    # A support contact (SupportContact.key): its name and texts come from the database.
    contact: str = ""
    # One of the school's own links (School.LINKS).
    school_link: str = ""


INSIDE = [
    Rung(
        "leerkracht",
        _("De leerkracht"),
        _("Begin altijd hier. De leerkracht ziet uw kind elke dag en kan het snelst iets doen."),
        BRING_LOG,
        partner_role="leerkracht",
    ),
    Rung(
        "aanspreekpunt",
        _("Het aanspreekpunt pesten"),
        _("Als de leerkracht niet genoeg doet, of als u liever met iemand anders praat. Elke school moet zo iemand hebben."),
        _("Neem mee wat er gebeurde en wat de leerkracht al deed."),
        role="aanspreekpunt",
    ),
    Rung(
        "mentor",
        _("De mentor"),
        _("Op de middelbare school is de mentor de eerste persoon voor u en uw kind."),
        BRING_LOG,
        partner_role="mentor",
    ),
    Rung(
        "vertrouwenspersoon",
        _("De vertrouwenspersoon"),
        _(
            "Als u in vertrouwen wilt praten, en niet weet hoe het verder moet. De vertrouwenspersoon werkt voor "
            "het schoolbestuur en heeft geleerd om onafhankelijk te luisteren. Deze persoon werkt binnen de school "
            "(intern) of erbuiten (extern)."
        ),
        _("Neem uw lijstje mee en vertel met wie u al praatte."),
        role="vertrouwenspersoon",
    ),
    Rung(
        "zorgcoordinator",
        _("De zorgcoördinator"),
        _("Als uw kind extra hulp of zorg nodig heeft op school."),
        _("Neem mee wat u thuis aan uw kind merkt."),
        role="zorgcoordinator",
    ),
]

OUTSIDE = [
    Rung(
        "externe-vertrouwenspersoon",
        _("De externe vertrouwenspersoon"),
        _("Werkt niet voor de school, maar kent de school goed. U kunt in vertrouwen uw verhaal doen. Samen kijkt u hoe de school in actie komt."),
        _("Neem uw lijstje mee en vertel wat de school al deed. Naam en adres staan in de schoolgids."),
        role="externe_vertrouwenspersoon",
        school_link="schoolgids",
    ),
    Rung("jeugdarts", contact="jeugdarts"),
    Rung("vertrouwensinspecteur", contact="vertrouwensinspecteur"),
    Rung("leerplichtambtenaar", contact="leerplichtambtenaar"),
    Rung("kinderombudsman", contact="kinderombudsman"),
    Rung("huisarts", contact="huisarts"),
]

TOO_LITTLE = [
    Rung(
        "pestcoordinator",
        _("De coördinator van het pestbeleid"),
        _("Als u het niet eens bent met hoe de school het pesten aanpakt."),
        _("Neem mee wat u al heeft gedaan, met wie en wanneer."),
        role="pestcoordinator",
    ),
    Rung(
        "mr",
        _("De ouders in de medezeggenschapsraad (MR)"),
        _(
            "In de MR praten ouders en leraren mee over de school. Zonder ja van de MR kan de school het plan voor "
            "veiligheid niet veranderen. De ouders in de MR kunnen dus helpen om het beter te maken."
        ),
        _("Vertel wat er mis gaat, zonder namen van kinderen."),
    ),
    Rung(
        "klachtenregeling",
        _("Een klacht indienen"),
        _(
            "Komt u er met de school niet uit? Dien dan een klacht in volgens de klachtenregeling uit de schoolgids. "
            "Meestal gaat die eerst naar het bestuur van de school. U kunt ook naar een onafhankelijke, landelijke "
            "klachtencommissie."
        ),
        _("Schrijf op wat er gebeurde, wat de school deed, en wat u wilt."),
        contact="klachtencommissie",
        school_link="klachtenregeling",
    ),
    Rung("onderwijsinspectie", contact="onderwijsinspectie"),
    Rung("politie", contact="politie"),
]

FOR_CHILD = [Rung("kindertelefoon", contact="kindertelefoon")]

# The page opens with these three lines, so a parent on a phone sees the whole road at once.
SUMMARY = [
    _("Begin bij de leerkracht of de mentor."),
    _("Helpt dat niet? Ga dan naar de volgende persoon op school in de lijst."),
    _("Doet de school niets of te weinig? Dan kunt u buiten de school hulp vragen of een klacht indienen."),
]
MENTOR_FIRST = _(
    "Uw kind zit op de middelbare school. Daar is de mentor de eerste persoon voor u en uw kind. Daarom staat de "
    "mentor hier bovenaan, en niet de leerkracht."
)


@dataclass(frozen=True)
class Fit:
    """A rule: when ``applies(facts)``, these rungs fit what the parent told, for this reason."""

    applies: Callable
    keys: tuple
    reason: str


FITS = [
    Fit(
        lambda facts: facts.physical_violence,
        ("politie",),
        _(
            "U schreef dat uw kind is geslagen, geschopt of geduwd. Dat is geweld. Daarvan kunt u aangifte doen: "
            "dan vertelt u de politie officieel wat er gebeurd is."
        ),
    ),
    Fit(
        lambda facts: facts.stays_home,
        ("leerplichtambtenaar",),
        _(
            "U schreef dat uw kind thuis blijft, of heel moeilijk naar school gaat. De leerplichtambtenaar van uw "
            "gemeente kan helpen om dat op te lossen."
        ),
    ),
    Fit(
        lambda facts: facts.body_complaints,
        ("jeugdarts", "huisarts"),
        _("U schreef dat uw kind last heeft van het lichaam, zoals pijn of slecht slapen. Laat een arts meekijken."),
    ),
]
