"""One form field in GOV.UK Design System markup, rendered in Python.

crispy-forms lays out every step form; for each field it renders ``gds/field.html``, which
our ``templates/gds/field.html`` hands to the tag below. crispy-forms-gds's own field
templates include five more templates per field and Django's widget templates two more:
that was half the server time of a step page (see docs/benchmarks.md). This tag writes the
same markup for the widgets our forms use: text, password, textarea, date and time inputs,
radio buttons and tick boxes. Any other widget is a mistake the tests show at once.

It reads only the field, not crispy's context: the pack's switches for labels and errors
(form_show_labels, form_show_errors), label and legend sizes, inline hints, wrapper
classes and the character count are not supported. No form here uses them.

All HTML is made by ``format_html`` and ``format_html_join``, which escape every value
they are given; nothing is marked safe by hand, so no value can be left unescaped. Values
go in raw, never escaped beforehand, so none is escaped twice. Each piece of markup is one
call where it can be: every call escapes its values again, and the tag exists for speed.
"""
from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()

# The class crispy-forms-gds gives each widget; date and time keep Django's own name.
INPUT_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.PasswordInput: "govuk-input",
    forms.Textarea: "govuk-textarea",
    forms.DateInput: "dateinput",
    forms.TimeInput: "timeinput",
}
ERROR_CLASSES = {forms.TextInput: "govuk-input--error", forms.PasswordInput: "govuk-input--error", forms.Textarea: "govuk-input--error"}
CHOICE_CLASSES = {forms.RadioSelect: "govuk-radios", forms.CheckboxSelectMultiple: "govuk-checkboxes"}

INPUT_GROUP = '<div id="div_{}" class="{}"><label for="{}" class="govuk-label">{}</label>{}{}{}</div>'
CHOICE_GROUP = (
    '<div id="div_{}" class="{}"><fieldset class="govuk-fieldset"{}><legend class="govuk-fieldset__legend">{}</legend>'
    '{}{}<div class="{}">{}</div></fieldset></div>'
)
HINT = '<div id="{}" class="govuk-hint">{}</div>'
ERROR = '<p id="{}" class="govuk-error-message"><span class="govuk-visually-hidden">{}</span> {}</p>'
CHOICE = (
    '<div class="{kind}__item"><input type="{type}" name="{name}" class="{kind}__input" id="{id}" value="{value}"{checked}>'
    '<label class="govuk-label {kind}__label" for="{id}">{label}</label></div>'
)
CHECKED = format_html(' checked="{}"', "checked")


@register.simple_tag
def gds_field(field):
    widget_class = type(field.field.widget)
    auto_id = field.auto_id
    errors = field.errors
    hint_id = f"{auto_id}_hint" if field.help_text else ""
    error_ids = [f"{auto_id}_{number}_error" for number in range(1, len(errors) + 1)]
    described_by = " ".join([hint_id, *error_ids]).strip()
    hint = format_html(HINT, hint_id, field.help_text) if hint_id else ""
    messages = ""
    if errors:
        error_word = gettext("Fout:")
        messages = format_html_join("", ERROR, ((error_id, error_word, error) for error_id, error in zip(error_ids, errors)))
    group_class = "govuk-form-group govuk-form-group--error" if errors else "govuk-form-group"
    if widget_class in CHOICE_CLASSES:
        kind = CHOICE_CLASSES[widget_class]
        described = _attrs({"aria-describedby": described_by}) if described_by else ""
        return format_html(CHOICE_GROUP, auto_id, group_class, described, field.label, hint, messages, kind, _choices(field, kind))
    if widget_class in INPUT_CLASSES:
        widget = _widget(field, widget_class, described_by)
        return format_html(INPUT_GROUP, auto_id, group_class, field.id_for_label, field.label, hint, messages, widget)
    raise TypeError(f"gds_field cannot draw a {widget_class.__name__}; add it to wizard/templatetags/gds_fields.py")


def _widget(field, widget_class, described_by):
    """The input itself, with the attributes Django would give it (id, aria-invalid, ...)."""
    # Classes the widget itself carries come after ours, as crispy-forms-gds adds them.
    css_class = " ".join([INPUT_CLASSES[widget_class], *field.field.widget.attrs.get("class", "").split()])
    if field.errors and widget_class in ERROR_CLASSES:
        css_class += " " + ERROR_CLASSES[widget_class]
    attrs = {"aria-describedby": described_by} if described_by else {}
    attrs = field.build_widget_attrs({**attrs, "class": css_class})
    attrs.setdefault("id", field.auto_id)
    widget = field.field.widget.get_context(field.html_name, field.value(), attrs)["widget"]
    value = widget["value"]
    if widget_class is forms.Textarea:
        # The newline after the tag keeps a value that starts with one: browsers drop the first.
        return format_html('<textarea name="{}"{}>\n{}</textarea>', widget["name"], _attrs(widget["attrs"]), value or "")
    # As Django's input.html: no value attribute for None; here not for an empty value either.
    shown = {"value": str(value)} if value not in (None, "") else {}
    return format_html('<input type="{}" name="{}"{}>', widget["type"], widget["name"], _attrs({**shown, **widget["attrs"]}))


def _attrs(attrs):
    """HTML attributes as Django's widgets/attrs.html writes them: True alone, False and None left out.

    One format_html call for them all: the format string is built from our own markup
    only, and every name and value goes in as an argument.
    """
    shown = [(name, value) for name, value in attrs.items() if value is not False and value is not None]
    markup = "".join(" {}" if value is True else ' {}="{}"' for _name, value in shown)
    return format_html(markup, *(part for name, value in shown for part in ((name,) if value is True else (name, value))))


def _choices(field, kind):
    """Radio buttons or tick boxes, each with its label."""
    name = field.html_name
    # Django's own rule for what is chosen: nothing for None, a single value as a list of one.
    chosen = set(field.field.widget.format_value(field.value()))
    return format_html_join(
        "",
        CHOICE,
        (
            {
                "kind": kind,
                "type": field.field.widget.input_type,
                "name": name,
                "id": f"id_{name}_{number}",
                "value": choice,
                "checked": CHECKED if str(choice) in chosen else "",
                "label": label,
            }
            for number, (choice, label) in enumerate(field.field.choices, start=1)
        ),
    )
