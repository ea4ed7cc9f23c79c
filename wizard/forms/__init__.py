"""One crispy form per wizard step. Every field is optional: a parent may skip what does not fit."""
from .after import AgreedForm, AgreementRowForm, FollowUpForm, HowItWentForm, KeptForm  # noqa: F401
from .base import (  # noqa: F401
    CrispyForm,
    Group,
    Row,
    StepForm,
    field_errors,
    typed_values,
)
from .bullying import IncidentForm, IncidentFormSet, IncidentsForm, SchoolWishesForm  # noqa: F401
from .conversation import AboutForm, AgreementsForm, ChildForm, GoingForm, TellForm  # noqa: F401
from .fields import (  # noqa: F401
    LONG_TEXT,
    LONG_TEXT_LINES,
    QUESTION_TEXT,
    SHORT_TEXT,
    DRAFT_LINE_BUDGET,
    DRAFT_TEXT_BUDGET,
    ChoiceField,
    DateField,
    MultipleChoiceField,
    TextField,
    TimeField,
    display_value,
)
from .questions import QuestionsForm, TopQuestionsForm  # noqa: F401
from .values import Values, valid_data  # noqa: F401
