"""A survey's questions as plain data, the validation of a submitted answer sheet, and the
answer rows it becomes.

The structure (which questions, their type, options, whether required) always comes from the
survey in the site's main language; the texts come from the reader's language, matched by block
id, and fall back to German for a question or option not translated yet. So the German and the
English page ask the same questions with the same keys, whatever state the translation is in."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models.surveys import LONG_TEXT_LENGTH, OTHER, SHORT_TEXT_LENGTH

CHOICE_KINDS = ("single_choice", "multiple_choice")
TEXT_KINDS = ("short_text", "long_text")


@dataclass(frozen=True)
class Option:
    key: str
    label: str


@dataclass
class Question:
    key: str
    kind: str
    label: str
    help_text: str = ""
    required: bool = False
    options: list[Option] = field(default_factory=list)
    allow_other: bool = False
    other_label: str = ""
    max_choices: int | None = None
    points: int = 5
    low_label: str = ""
    high_label: str = ""

    @property
    def field_name(self) -> str:
        return f"q-{self.key}"

    @property
    def other_field_name(self) -> str:
        return f"q-{self.key}-other"

    def rank_field_name(self, option: Option) -> str:
        return f"q-{self.key}-{option.key}"

    @property
    def first_input_id(self) -> str:
        """Where the error summary's link for this question leads."""
        if self.kind in CHOICE_KINDS or self.kind == "ranking":
            return f"id-{self.key}-{self.options[0].key}" if self.options else f"id-{self.key}"
        if self.kind == "scale":
            return f"id-{self.key}-1"
        return f"id-{self.key}"

    @property
    def scale_points(self) -> list[int]:
        return list(range(1, self.points + 1))

    @property
    def positions(self) -> list[int]:
        return list(range(1, len(self.options) + 1))

    def option_label(self, key: str) -> str:
        if key == OTHER:
            return self.other_label
        return next((option.label for option in self.options if option.key == key), "")


def _texts(survey) -> dict[str, dict]:
    """Block id -> texts of that question, and option id -> label, in this survey's language."""
    texts = {}
    for block in survey.questions:
        value = block.value
        texts[block.id] = {name: value.get(name) or "" for name in
                           ("question", "help_text", "other_label", "low_label", "high_label")}
        for item in value.get("options").bound_blocks if "options" in value else ():
            texts[item.id] = item.value
    return texts


def questions_of(survey) -> list[Question]:
    source = survey.source()
    texts = _texts(survey) if survey.pk != source.pk else {}
    found = []
    for block in source.questions:
        value = block.value
        own = texts.get(block.id, {})

        def text(name, own=own, value=value):
            return own.get(name) or value.get(name) or ""

        options = [Option(item.id, texts.get(item.id) or item.value)
                   for item in (value["options"].bound_blocks if "options" in value else ())]
        found.append(Question(
            key=block.id, kind=block.block_type, label=text("question"),
            help_text=text("help_text"), required=bool(value.get("required")),
            options=options, allow_other=bool(value.get("allow_other")),
            other_label=text("other_label") or _("Other"),
            max_choices=value.get("max_choices") or None,
            points=value.get("points") or 5,
            low_label=text("low_label"), high_label=text("high_label"),
        ))
    return found


def clean_text(value: str, limit: int) -> str:
    return (value or "").replace("\r\n", "\n").replace("\x00", "").strip()[:limit + 1]


@dataclass
class Row:
    """One answer row, before it is stored."""

    question_key: str
    option_key: str = ""
    text: str = ""
    number: int | None = None
    rank: int | None = None


@dataclass
class Sheet:
    """A submitted answer sheet: what was entered (to show it again), the rows, the errors."""

    values: dict = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _choice(question: Question, data, sheet: Sheet) -> None:
    keys = {option.key for option in question.options}
    if question.allow_other:
        keys.add(OTHER)
    if question.kind == "single_choice":
        chosen = [value for value in [data.get(question.field_name, "")] if value]
    else:
        chosen = list(dict.fromkeys(value for value in data.getlist(question.field_name) if value))
    other = clean_text(data.get(question.other_field_name, ""), SHORT_TEXT_LENGTH)
    sheet.values[question.key] = {"chosen": chosen, "other": other}
    if any(value not in keys for value in chosen):
        sheet.errors[question.key] = _("Please choose from the options given.")
    elif question.required and not chosen:
        sheet.errors[question.key] = (_("Please choose an option.")
                                      if question.kind == "single_choice"
                                      else _("Please choose at least one option."))
    elif question.max_choices and len(chosen) > question.max_choices:
        sheet.errors[question.key] = _("Please choose at most %(count)s options.") % {
            "count": question.max_choices}
    elif OTHER in chosen and not other:
        sheet.errors[question.key] = _("Please describe your other answer.")
    elif len(other) > SHORT_TEXT_LENGTH:
        sheet.errors[question.key] = _("Please keep your answer under %(limit)s characters.") % {
            "limit": SHORT_TEXT_LENGTH}
    else:
        sheet.rows += [Row(question.key, key, text=other if key == OTHER else "")
                       for key in chosen]


def _text(question: Question, data, sheet: Sheet) -> None:
    limit = SHORT_TEXT_LENGTH if question.kind == "short_text" else LONG_TEXT_LENGTH
    text = clean_text(data.get(question.field_name, ""), limit)
    sheet.values[question.key] = text
    if question.required and not text:
        sheet.errors[question.key] = _("Please answer this question.")
    elif len(text) > limit:
        sheet.errors[question.key] = _("Please keep your answer under %(limit)s characters.") % {
            "limit": limit}
    elif text:
        sheet.rows.append(Row(question.key, text=text))


def _scale(question: Question, data, sheet: Sheet) -> None:
    raw = data.get(question.field_name, "")
    sheet.values[question.key] = raw
    if not raw:
        if question.required:
            sheet.errors[question.key] = _("Please choose a point on the scale.")
        return
    if not raw.isdigit() or not 1 <= int(raw) <= question.points:
        sheet.errors[question.key] = _("Please choose a point on the scale.")
        return
    sheet.rows.append(Row(question.key, number=int(raw)))


def _ranking(question: Question, data, sheet: Sheet) -> None:
    given = {option.key: data.get(question.rank_field_name(option), "")
             for option in question.options}
    sheet.values[question.key] = given
    if not any(given.values()):
        if question.required:
            sheet.errors[question.key] = _("Please put the options in an order.")
        return
    positions = [int(value) if value.isdigit() else 0 for value in given.values()]
    if sorted(positions) != question.positions:
        sheet.errors[question.key] = _(
            "Please give each option a different position from 1 to %(count)s.") % {
            "count": len(question.options)}
        return
    sheet.rows += [Row(question.key, key, rank=int(value)) for key, value in given.items()]


VALIDATORS = {"single_choice": _choice, "multiple_choice": _choice, "short_text": _text,
              "long_text": _text, "scale": _scale, "ranking": _ranking}


def read_sheet(questions: list[Question], data) -> Sheet:
    """Validates a POST (a QueryDict) against the questions."""
    sheet = Sheet()
    for question in questions:
        VALIDATORS[question.kind](question, data, sheet)
    return sheet


def values_of(questions: list[Question], answers) -> dict:
    """What a stored response shows in the form when its author changes it."""
    by_question = {}
    for answer in answers:
        by_question.setdefault(answer.question_key, []).append(answer)
    values = {}
    for question in questions:
        rows = by_question.get(question.key, [])
        if question.kind in CHOICE_KINDS:
            values[question.key] = {
                "chosen": [row.option_key for row in rows],
                "other": next((row.text for row in rows if row.option_key == OTHER), ""),
            }
        elif question.kind in TEXT_KINDS:
            values[question.key] = rows[0].text if rows else ""
        elif question.kind == "scale":
            values[question.key] = str(rows[0].number) if rows else ""
        else:
            values[question.key] = {row.option_key: str(row.rank) for row in rows}
    return values
