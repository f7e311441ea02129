"""A survey's results across both languages and per language, from two aggregate queries:
participants per language (GROUP BY over the responses) and the survey's tallies (running
counts per question, option, scale point and language, kept by ``submit_response`` in the same
transaction as the answers). No response or answer is loaded into Python for this, and the
tallies are a few dozen rows however many answers there are."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from .models import OTHER, SurveyAnswer, SurveyResponse, SurveyTally
from .models.surveys import NO_NUMBER
from .questionnaire import CHOICE_KINDS, TEXT_KINDS, Option, Question

FREE_TEXT_SHOWN = 50  # per question on the results page; the export has all


def percent_label(value: float) -> str:
    return _("%(percent)s %%") % {"percent": value}


@dataclass
class Share:
    count: int
    base: int

    @property
    def percent(self) -> int:
        return round(100 * self.count / self.base) if self.base else 0

    @property
    def label(self) -> str:
        return percent_label(self.percent)


@dataclass
class LanguagePart:
    code: str
    name: str
    share: Share
    average: float | None = None


@dataclass
class OptionResult:
    option: Option
    total: Share
    languages: list[LanguagePart]
    average: float | None = None  # ranking: the average position


@dataclass
class QuestionResult:
    question: Question
    answered: int
    answered_by_language: list[LanguagePart]
    options: list[OptionResult] = field(default_factory=list)
    average: float | None = None  # scale
    removed_answers: int = 0  # answers to options that no longer exist
    texts: list = field(default_factory=list)  # staff only

    @property
    def is_choice(self) -> bool:
        return self.question.kind in CHOICE_KINDS

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS


@dataclass
class Results:
    participants: int
    languages: list[LanguagePart]
    questions: list[QuestionResult]


def _average(pairs) -> float | None:
    """The mean of (value, weight) pairs, rounded to one decimal."""
    total = sum(weight for _value, weight in pairs)
    return round(sum(value * weight for value, weight in pairs) / total, 1) if total else None


def results_for(survey, questions: list[Question], *, with_texts: bool = False) -> Results:
    key = survey.translation_key
    languages = [(code, str(name)) for code, name in settings.LANGUAGES]
    participants = SurveyResponse.objects.participants_by_language(key)
    answered, tallies = {}, {}
    for row in SurveyTally.objects.of_survey(key):
        if not row["option_key"] and row["number"] == NO_NUMBER:
            answered[(row["question_key"], row["language"])] = row["n"]
        else:
            tallies[(row["question_key"], row["option_key"], row["number"], row["language"])] = (
                row["n"], row["rank_sum"] or 0)

    def count(question, option_key="", number=NO_NUMBER, language=None):
        return tallies.get((question.key, option_key, number, language), (0, 0))

    found = []
    for question in questions:
        bases = {code: answered.get((question.key, code), 0) for code, _n in languages}
        result = QuestionResult(
            question=question, answered=sum(bases.values()),
            answered_by_language=[LanguagePart(code, name, Share(bases[code], participants.get(
                code, 0))) for code, name in languages],
        )
        if question.kind in CHOICE_KINDS:
            options = list(question.options)
            if question.allow_other or any(k[:2] == (question.key, OTHER) for k in tallies):
                options.append(Option(OTHER, question.other_label))
            known = {option.key for option in options}
            result.removed_answers = sum(n for (q, o, _num, _l), (n, _r) in tallies.items()
                                         if q == question.key and o not in known)
            for option in options:
                parts = [LanguagePart(code, name, Share(count(question, option.key,
                                                              language=code)[0], bases[code]))
                         for code, name in languages]
                result.options.append(OptionResult(
                    option, Share(sum(p.share.count for p in parts), result.answered), parts))
        elif question.kind == "scale":
            for point in question.scale_points:
                parts = [LanguagePart(code, name, Share(count(question, number=point,
                                                              language=code)[0], bases[code]))
                         for code, name in languages]
                label = str(point)
                if point == 1 and question.low_label:
                    label = f"{point} – {question.low_label}"
                elif point == question.points and question.high_label:
                    label = f"{point} – {question.high_label}"
                result.options.append(OptionResult(
                    Option(str(point), label),
                    Share(sum(p.share.count for p in parts), result.answered), parts))
            result.average = _average(
                [(int(o.option.key), o.total.count) for o in result.options])
            for index in range(len(languages)):
                result.answered_by_language[index].average = _average(
                    [(int(o.option.key), o.languages[index].share.count)
                     for o in result.options])
        elif question.kind == "ranking":
            for option in question.options:
                parts = []
                for code, name in languages:
                    ranked, rank_sum = count(question, option.key, language=code)
                    parts.append(LanguagePart(code, name, Share(ranked, bases[code]),
                                              round(rank_sum / ranked, 1) if ranked else None))
                ranked = sum(p.share.count for p in parts)
                rank_sum = sum(count(question, option.key, language=code)[1]
                               for code, _n in languages)
                result.options.append(OptionResult(
                    option, Share(ranked, result.answered), parts,
                    average=round(rank_sum / ranked, 1) if ranked else None))
            result.options.sort(key=lambda o: (o.average is None, o.average or 0))
        if with_texts and (question.kind in TEXT_KINDS or question.allow_other):
            result.texts = list(
                SurveyAnswer.objects.filter(survey_key=key, question_key=question.key)
                .exclude(text="").order_by("-response__updated_at")
                .values("text", "language")[:FREE_TEXT_SHOWN])
        found.append(result)
    return Results(
        participants=sum(participants.values()),
        languages=[LanguagePart(code, name, Share(participants.get(code, 0),
                                                  sum(participants.values())))
                   for code, name in languages],
        questions=found,
    )


def as_json(survey, results: Results) -> dict:
    """The numbers of the results page for scripts (never any free text)."""
    def parts(language_parts):
        return {part.code: {"count": part.share.count, "percent": part.share.percent,
                            **({"average": part.average} if part.average is not None else {})}
                for part in language_parts}

    return {
        "survey": str(survey.translation_key),
        "title": survey.title,
        "participants": results.participants,
        "languages": parts(results.languages),
        "questions": [
            {
                "key": q.question.key,
                "kind": q.question.kind,
                "question": q.question.label,
                "answered": q.answered,
                "answered_by_language": parts(q.answered_by_language),
                **({"average": q.average} if q.average is not None else {}),
                "options": [
                    {"key": o.option.key, "label": o.option.label, "count": o.total.count,
                     "percent": o.total.percent, "by_language": parts(o.languages),
                     **({"average_position": o.average} if o.average is not None else {})}
                    for o in q.options
                ],
            }
            for q in results.questions
        ],
    }
