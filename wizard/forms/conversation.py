"""The forms of the conversation itself: what it is about, who goes, the child, what to tell, the goal."""
from crispy_forms_gds.layout import Layout
from django.utils.translation import gettext_lazy as _

from .. import content
from .base import Group, StepForm, follows, on_bullying_track
from .fields import SHORT_TEXT, ChoiceField, DateField, TextField, TimeField


class AboutForm(StepForm):
    topic = ChoiceField(_("Waar gaat het gesprek over?"), content.TOPICS)
    topic_other = TextField(
        _("Gaat het over iets anders? Schrijf kort waarover."), max_length=SHORT_TEXT, long=False
    )
    date = DateField(_("Op welke dag is het gesprek?"))
    time = TimeField(_("Hoe laat begint het gesprek?"), help_text=_("Bijvoorbeeld 15:30"))
    partner_role = ChoiceField(_("Met wie praat u?"), content.CONVERSATION_PARTNERS)
    partner_name = TextField(
        _("Hoe heet de leerkracht, mentor of andere persoon?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: juf Sanne of meneer De Vries"),
    )
    child_name = TextField(
        _("Voornaam van uw kind"),
        max_length=60,
        long=False,
        help_text=_("Die zetten we bovenaan uw overzicht. U mag dit leeg laten."),
    )
    school_level = ChoiceField(_("Op wat voor school zit uw kind?"), content.SCHOOL_LEVELS)
    child_group = TextField(
        _("Groep of klas"), max_length=40, long=False, help_text=_("Bijvoorbeeld: groep 6 of 2 havo")
    )

    conditions = {"topic_other": follows("topic", content.TOPIC_OTHER)}

    def layout(self):
        return Layout(
            "topic",
            *(["topic_other"] if "topic_other" in self.fields else []),
            Group(_("Wanneer is het gesprek?"), "date", "time"),
            "partner_role",
            "partner_name",
            Group(_("Over uw kind"), "child_name", "school_level", "child_group"),
        )


class GoingForm(StepForm):
    companion = ChoiceField(_("Wie gaat er met u mee?"), content.COMPANIONS)
    companion_name = TextField(
        _("Wie is dat?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: oma Ria, of de logopedist van mijn kind"),
    )
    child_joins = ChoiceField(
        _("Gaat uw kind zelf mee naar het gesprek?"),
        content.CHILD_JOINS,
        help_text=_("Vraag de school of er afspraken zijn over kinderen die meegaan."),
    )

    conditions = {"companion_name": follows("companion", *content.COMPANIONS_WITH_A_NAME)}


class ChildForm(StepForm):
    likes = TextField(_("Wat vindt uw kind leuk op school?"))
    dislikes = TextField(_("Wat vindt uw kind niet leuk op school?"))
    report_reaction = TextField(
        _("Wat vindt uw kind zelf van het rapport?"), help_text=_("Alleen als uw kind net een rapport kreeg.")
    )
    wants_said = TextField(_("Wat wil uw kind dat u tegen de leerkracht zegt?"))
    other = TextField(
        _("Heeft uw kind nog iets anders verteld?"),
        help_text=_("Dit komt op uw overzicht voor school."),
    )
    not_said = TextField(
        _("Wat wil uw kind liever niet dat u zegt?"),
        help_text=_("Dit is alleen voor u. Het komt niet op uw overzicht voor school."),
    )

    # What a child tells in confidence stays with the parent. The other answers of every
    # step were checked for the same risk: they are meant for the conversation itself.
    parent_only = frozenset({"not_said"})
    conditions = {"report_reaction": on_bullying_track(False)}



class TellForm(StepForm):
    at_home = TextField(_("Hoe is uw kind thuis?"))
    says_about_school = TextField(_("Wat vertelt uw kind thuis over school?"))
    homework = TextField(_("Hoe gaat uw kind om met huiswerk?"))
    hobbies = TextField(_("Wat doet uw kind thuis graag?"))
    own_points = TextField(_("Wat wilt u verder nog vertellen?"))



class AgreementsForm(StepForm):
    hope = TextField(_("Wat hoopt u te bereiken met het gesprek?"))
    goal_who = TextField(_("Wie doet het?"), max_length=SHORT_TEXT, long=False)
    goal_what = TextField(_("Wat gaat diegene doen?"), max_length=SHORT_TEXT * 2, long=False)
    goal_when = TextField(_("Wanneer?"), max_length=SHORT_TEXT, long=False)
    follow_up_way = ChoiceField(_("Hoe spreekt u elkaar daarna weer?"), content.FOLLOW_UP_WAYS)
    follow_up_when = TextField(
        _("Wanneer spreekt u elkaar weer?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: over zes weken, of na de kerstvakantie"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        examples = content.GOAL_EXAMPLES[bool(self.answers is not None and self.answers.about_bullying)]
        for name, example in examples.items():
            self.fields[name].help_text = example

    def layout(self):
        return Layout(
            "hope",
            Group(_("Uw voorstel voor één klein doel"), "goal_who", "goal_what", "goal_when"),
            Group(_("Het vervolg"), "follow_up_way", "follow_up_when"),
        )


